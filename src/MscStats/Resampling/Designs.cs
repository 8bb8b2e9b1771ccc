using System;
using MscStats.Internal.Random;
using MscStats.Internal.Resampling;

namespace MscStats.Resampling;

/// <summary>A statistic of two independent arms, evaluated on the data and on every bootstrap resample.</summary>
/// <param name="treated">The treated arm's (resampled) values.</param>
/// <param name="control">The control arm's (resampled) values.</param>
/// <returns>The statistic; must be finite.</returns>
public delegate double TwoSampleStatistic(ReadOnlySpan<double> treated, ReadOnlySpan<double> control);

/// <summary>A statistic of one sample, evaluated on the data and on every bootstrap resample.</summary>
/// <param name="values">The (resampled) values.</param>
/// <returns>The statistic; must be finite.</returns>
public delegate double OneSampleStatistic(ReadOnlySpan<double> values);

/// <summary>A statistic of paired measurements; resamples keep each subject's pair together.</summary>
/// <param name="baseline">The (resampled) baseline values.</param>
/// <param name="followUp">The follow-up values of the same subjects, in the same order.</param>
/// <returns>The statistic; must be finite.</returns>
public delegate double PairedStatistic(ReadOnlySpan<double> baseline, ReadOnlySpan<double> followUp);

internal sealed class TwoSampleDesign(double[] x, double[] y, TwoSampleStatistic statistic) : ResampleDesign([x.Length, y.Length])
{
    public override double Evaluate(ReadOnlySpan<int> first, ReadOnlySpan<int> second, Workspace workspace, out double innerVariance)
    {
        var a = workspace.A.AsSpan(0, first.Length);
        var b = workspace.B.AsSpan(0, second.Length);
        for (int i = 0; i < first.Length; i++)
        {
            a[i] = x[first[i]];
        }

        for (int j = 0; j < second.Length; j++)
        {
            b[j] = y[second[j]];
        }

        innerVariance = double.NaN;
        return statistic(a, b);
    }
}

/// <summary>
/// The mean difference; with <paramref name="innerVariance"/> also its analytic variance s₁²/n₁ + s₂²/n₂ for the
/// studentized interval (a second pass over each resample, so only when that interval is requested).
/// </summary>
internal sealed class MeanDifferenceDesign(double[] x, double[] y, bool innerVariance, KernelPath path = KernelPath.Auto) : ResampleDesign([x.Length, y.Length])
{
    public override bool HasInnerVariance => innerVariance;

    public override bool TryRunBlock(ReadOnlySpan<Xoshiro256StarStar> laneStreams, int blockStart, int from, int to, double[] replicates)
    {
        MeanDifferenceKernel.Block(x, y, laneStreams, blockStart, from, to, replicates, path);
        return true;
    }

    public override double Evaluate(ReadOnlySpan<int> first, ReadOnlySpan<int> second, Workspace workspace, out double innerVariance)
    {
        if (!HasInnerVariance)
        {
            innerVariance = double.NaN;
            return Sum(x, first) / first.Length - Sum(y, second) / second.Length;
        }

        var (meanX, varX) = Moments(x, first);
        var (meanY, varY) = Moments(y, second);
        innerVariance = varX / first.Length + varY / second.Length;
        return meanX - meanY;
    }

    private static double Sum(double[] values, ReadOnlySpan<int> indices)
    {
        double sum = 0;
        foreach (int i in indices)
        {
            sum += values[i];
        }

        return sum;
    }

    private static (double Mean, double Variance) Moments(double[] values, ReadOnlySpan<int> indices)
    {
        double mean = Sum(values, indices) / indices.Length, squares = 0;
        foreach (int i in indices)
        {
            double d = values[i] - mean;
            squares += d * d;
        }

        return (mean, indices.Length > 1 ? squares / (indices.Length - 1) : double.NaN);
    }
}

internal sealed class OneSampleDesign(double[] x, OneSampleStatistic statistic) : ResampleDesign([x.Length])
{
    public override double Evaluate(ReadOnlySpan<int> first, ReadOnlySpan<int> second, Workspace workspace, out double innerVariance)
    {
        var a = workspace.A.AsSpan(0, first.Length);
        for (int i = 0; i < first.Length; i++)
        {
            a[i] = x[first[i]];
        }

        innerVariance = double.NaN;
        return statistic(a);
    }
}

internal sealed class PairedDesign(double[] baseline, double[] followUp, PairedStatistic statistic) : ResampleDesign([baseline.Length])
{
    public override double Evaluate(ReadOnlySpan<int> first, ReadOnlySpan<int> second, Workspace workspace, out double innerVariance)
    {
        var a = workspace.A.AsSpan(0, first.Length);
        var b = workspace.B.AsSpan(0, first.Length);
        for (int i = 0; i < first.Length; i++)
        {
            a[i] = baseline[first[i]];
            b[i] = followUp[first[i]];
        }

        innerVariance = double.NaN;
        return statistic(a, b);
    }
}
