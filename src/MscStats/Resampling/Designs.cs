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

    /// <summary>θ̂₋ᵢ = (S − vᵢ)/(n − 1) − (the other arm's mean), S the arm's sum in index order, as <see cref="Evaluate"/> sums.</summary>
    public override double[]? LeaveOneOut(int stratum)
    {
        var (values, other) = stratum == 0 ? (x, y) : (y, x);
        double sum = Sum(values), otherMean = Sum(other) / other.Length;
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double mean = (sum - values[i]) / (values.Length - 1);
            result[i] = stratum == 0 ? mean - otherMean : otherMean - mean;
        }

        return result;
    }

    internal static double Sum(double[] values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
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

/// <summary>
/// The mean paired difference, mean(follow-up) − mean(baseline) of the resampled pairs, each mean summed in resample
/// order and divided by n (the bits of <c>OnePassMean(f) − OnePassMean(b)</c> on the copied pairs, without the copies),
/// with the leave-one-out values in O(n).
/// </summary>
internal sealed class PairedMeanDifferenceDesign(double[] baseline, double[] followUp) : ResampleDesign([baseline.Length])
{
    public override double Evaluate(ReadOnlySpan<int> first, ReadOnlySpan<int> second, Workspace workspace, out double innerVariance)
    {
        double b = 0, f = 0;
        foreach (int i in first)
        {
            f += followUp[i];
        }

        foreach (int i in first)
        {
            b += baseline[i];
        }

        innerVariance = double.NaN;
        return f / first.Length - b / first.Length;
    }

    /// <summary>θ̂₋ᵢ = (F − fᵢ)/(n − 1) − (B − bᵢ)/(n − 1), F and B the sums in index order.</summary>
    public override double[]? LeaveOneOut(int stratum)
    {
        double f = MeanDifferenceDesign.Sum(followUp), b = MeanDifferenceDesign.Sum(baseline);
        int n = baseline.Length;
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = (f - followUp[i]) / (n - 1) - (b - baseline[i]) / (n - 1);
        }

        return result;
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
