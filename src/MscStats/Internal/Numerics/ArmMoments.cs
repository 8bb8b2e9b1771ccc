using System;
using System.Globalization;
using MscStats.Data;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Internal.Numerics;

/// <summary>
/// The sufficient statistics of two independent arms (n, mean, variance each), from raw data or from
/// published summaries, so that every mean-based method has one implementation for both inputs.
/// </summary>
/// <remarks>
/// The moments are held in units of 2^<see cref="Exponent"/>: <see cref="ScaledMean"/> and <see cref="ScaledVariance"/>
/// are those of the data divided by 2^Exponent. The exponent is 0 for data whose largest magnitude lies in
/// [2^−400, 2^400] (about 3.9e−121 to 2.6e120), so ordinary data are computed exactly as before, bit for bit; beyond that
/// range it is the binary exponent of the largest magnitude, so the scaled data lie within [−2, 2] and their squared
/// deviations neither overflow (values up to ±1.8e308) nor underflow (values down to 1e−300). When the largest deviation
/// from an arm's mean is more than 2^400 below the largest magnitude (an arm of equal values at 1e300 beside one spread
/// by 1, where the squared deviations would vanish in the magnitude's unit), the unit is that deviation's instead, but
/// at most 2^960 below the magnitude, so that the scaled values stay below 2^961 and their sums finite (see
/// <see cref="UnitFor(ReadOnlySpan{double}, ReadOnlySpan{double})"/>). Dividing by a power of two is exact. Scale-free results (t, p, standardized effects, degrees of freedom) use the scaled moments directly;
/// results in the data's units are multiplied back by 2^Exponent.
/// </remarks>
internal readonly record struct ArmMoments(int N, double ScaledMean, double ScaledVariance, int Exponent)
{
    /// <summary>Data whose largest magnitude lies in [2^−Limit, 2^Limit] are not scaled.</summary>
    private const int Limit = 400;

    /// <summary>The most a spread-driven unit lies below the largest magnitude: scaled values stay below 2^961.</summary>
    private const int Headroom = 960;

    private const double SmallestNormal = Moments.SmallestNormal;

    /// <summary>
    /// The mean in the data's units. Finite for the moments of values, since it lies between the smallest and the largest;
    /// the mean of paired differences (<see cref="OfDifferences"/>) beyond ±1.8e308 is refused.
    /// </summary>
    /// <exception cref="Exceptions.AssumptionException">The mean is beyond ±1.8e308.</exception>
    public double Mean => MeanOf("mean", "sample");

    /// <summary>The mean in the data's units, refused as "the <paramref name="what"/>" of <paramref name="paramName"/> when beyond ±1.8e308.</summary>
    public double MeanOf(string what, string paramName) => InDataUnits(ScaledMean, Exponent, what, paramName);

    /// <summary>The variance in the data's units.</summary>
    /// <exception cref="Exceptions.AssumptionException">The variance is beyond double precision (above 1.8e308 or a positive value below 2.2e−308).</exception>
    public double Variance => Unscale(ScaledVariance, 2 * Exponent, "variance");

    /// <summary>The SD in the data's units.</summary>
    /// <exception cref="Exceptions.AssumptionException">The SD is beyond double precision.</exception>
    public double StandardDeviation => Unscale(Math.Sqrt(ScaledVariance), Exponent, "SD");

    /// <summary>The moments of finite values, in the unit chosen from their largest magnitude and spread.</summary>
    public static ArmMoments From(ReadOnlySpan<double> values) => From(values, UnitFor(values, []));

    /// <summary>The moments of finite values in units of 2^<paramref name="exponent"/>.</summary>
    public static ArmMoments From(ReadOnlySpan<double> values, int exponent)
    {
        if (exponent == 0)
        {
            double mean = Moments.Mean(values);
            return new ArmMoments(values.Length, mean, values.Length >= 2 ? Moments.Variance(values, mean) : double.NaN, 0);
        }

        var scaled = ScaledCopy(values, exponent);
        double m = Moments.Mean(scaled);
        return new ArmMoments(values.Length, m, values.Length >= 2 ? Moments.Variance(scaled, m) : double.NaN, exponent);
    }

    /// <summary>The moments of a published summary; the SD is squared in units of 2^Exponent, so SDs up to 1.8e308 are kept.</summary>
    public static ArmMoments From(SummaryArm arm) => From(arm, UnitFor(arm, arm));

    /// <summary>The moments of a published summary in units of 2^<paramref name="exponent"/>.</summary>
    public static ArmMoments From(SummaryArm arm, int exponent)
    {
        double sd = Math.ScaleB(arm.StandardDeviation, -exponent);
        return new ArmMoments(arm.N, Math.ScaleB(arm.Mean, -exponent), sd * sd, exponent);
    }

    /// <summary>The unit for two published summaries, chosen as <see cref="UnitFor(ReadOnlySpan{double}, ReadOnlySpan{double})"/> chooses it from data, with the larger SD as the spread.</summary>
    public static int UnitFor(SummaryArm treated, SummaryArm control)
    {
        double largest = Math.Max(Math.Max(Math.Abs(treated.Mean), treated.StandardDeviation), Math.Max(Math.Abs(control.Mean), control.StandardDeviation));
        double spread = Math.Max(treated.StandardDeviation, control.StandardDeviation);
        return Unit(largest, spread > 0 ? Math.ILogB(spread) : int.MinValue);
    }

    /// <summary>
    /// The moments of paired differences follow-up − baseline. <paramref name="differences"/> are the differences as
    /// formed in double precision (<c>PairedArm.Differences</c>); when every one is finite they are used as they are, so
    /// ordinary data give the same bits as <see cref="From(ReadOnlySpan{double})"/>. When a difference overflows (values
    /// of opposite sign near ±1.8e308), the pairs are divided by 2^k, k the binary exponent of their largest magnitude,
    /// before they are subtracted, and the moments are held in units of 2^k times the unit of those scaled differences.
    /// </summary>
    public static ArmMoments OfDifferences(ReadOnlySpan<double> differences, ReadOnlySpan<double> followUp, ReadOnlySpan<double> baseline)
    {
        bool finite = true;
        foreach (double d in differences)
        {
            finite &= double.IsFinite(d);
        }

        if (finite)
        {
            return From(differences);
        }

        int k = ChangeExponent(followUp, baseline);
        var scaled = new double[differences.Length];
        Changes(followUp, baseline, k, scaled);
        var m = From(scaled);
        return m with { Exponent = m.Exponent + k };
    }

    /// <summary>The binary exponent of the largest magnitude of either column: changes formed in units of 2^it cannot overflow.</summary>
    public static int ChangeExponent(ReadOnlySpan<double> followUp, ReadOnlySpan<double> baseline)
        => Math.ILogB(Math.Max(LargestMagnitude(followUp), LargestMagnitude(baseline)));

    /// <summary>
    /// The changes follow-up − baseline formed from the values divided by 2^<paramref name="exponent"/> (exact unless a value
    /// falls below 2.2e−308), written to <paramref name="into"/> (which may be the follow-up itself); exponent 0 gives the
    /// plain differences.
    /// </summary>
    public static void Changes(ReadOnlySpan<double> followUp, ReadOnlySpan<double> baseline, int exponent, Span<double> into)
    {
        for (int i = 0; i < into.Length; i++)
        {
            into[i] = Math.ScaleB(followUp[i], -exponent) - Math.ScaleB(baseline[i], -exponent);
        }
    }

    /// <summary>The values divided by 2^<paramref name="exponent"/> (exact unless a value falls below 2.2e−308); the same array when the exponent is 0.</summary>
    public static double[] Scaled(double[] values, int exponent) => exponent == 0 ? values : ScaledCopy(values, exponent);

    /// <summary>A new array of the values divided by 2^<paramref name="exponent"/>.</summary>
    private static double[] ScaledCopy(ReadOnlySpan<double> values, int exponent)
    {
        var scaled = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            scaled[i] = Math.ScaleB(values[i], -exponent);
        }

        return scaled;
    }

    /// <summary>
    /// Interval limits computed in units of 2^<paramref name="exponent"/>, in the data's units. A limit beyond ±1.8e308
    /// becomes infinite and the warning says so; the caller adds it to the result's diagnostics.
    /// </summary>
    public static (double Lower, double Upper, Diagnostic? Beyond) UnscaleLimits(double lower, double upper, int exponent)
    {
        double lo = Math.ScaleB(lower, exponent), hi = Math.ScaleB(upper, exponent);
        Diagnostic? beyond = (double.IsFinite(lower) && !double.IsFinite(lo)) || (double.IsFinite(upper) && !double.IsFinite(hi))
            ? LimitBeyondDouble()
            : null;
        return (lo, hi, beyond);
    }

    /// <summary>The warning on an interval whose limit lies beyond ±1.8e308 and is reported as infinite.</summary>
    public static Diagnostic LimitBeyondDouble() => Diagnostic.Warning(
        DiagnosticCodes.IntervalUndefined,
        "a limit of the interval is beyond double precision (magnitude above 1.8e308) and is reported as infinite; rescale the data (e.g. change its unit) for a finite limit");

    /// <summary>The largest magnitude of the values (0 for none).</summary>
    public static double LargestMagnitude(ReadOnlySpan<double> values)
    {
        double largest = 0;
        foreach (double v in values)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        return largest;
    }

    /// <summary>
    /// The unit 2^k for the moments of one or two arms: 0 for data whose largest magnitude lies in [2^−400, 2^400];
    /// otherwise the binary exponent of the largest magnitude, unless the largest deviation of a value from its own arm's
    /// mean is more than 2^400 below it: then that deviation's exponent, but at least the magnitude's minus 960. Squared
    /// deviations of order 1 then neither underflow nor, for values below 2^961 in the unit, overflow; an arm of equal
    /// values at 1e300 beside one spread by 1 keeps the spread (in the magnitude's unit its variance would be 2^−1992, 0).
    /// Each arm's deviations are found in that arm's own unit, so an arm of tiny values beside huge ones keeps its spread.
    /// </summary>
    public static int UnitFor(ReadOnlySpan<double> treated, ReadOnlySpan<double> control)
    {
        double largest = Math.Max(LargestMagnitude(treated), LargestMagnitude(control));
        return ExponentFor(largest) == 0 ? 0 : Unit(largest, Math.Max(SpreadExponent(treated), SpreadExponent(control)));
    }

    /// <summary>The unit for a largest magnitude and the binary exponent of the largest spread (int.MinValue for none).</summary>
    private static int Unit(double largest, int spread)
    {
        int k = ExponentFor(largest);
        if (k == 0 || spread == int.MinValue)
        {
            return k;
        }

        int top = Math.ILogB(largest);
        return spread >= top - Limit ? k : Math.Max(spread, top - Headroom);
    }

    /// <summary>The binary exponent of the largest deviation from the mean, in the data's units; int.MinValue for fewer than two values or equal values.</summary>
    private static int SpreadExponent(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            return int.MinValue;
        }

        double largest = LargestMagnitude(values);
        int own = largest == 0 ? 0 : Math.ILogB(largest);
        var scaled = ScaledCopy(values, own);
        double mean = Moments.Mean(scaled), deviation = 0;
        foreach (double v in scaled)
        {
            deviation = Math.Max(deviation, Math.Abs(v - mean));
        }

        return deviation == 0 ? int.MinValue : own + Math.ILogB(deviation);
    }

    /// <summary>0 for a largest magnitude in [2^−400, 2^400] (or 0); otherwise its binary exponent.</summary>
    public static int ExponentFor(double largest)
    {
        if (largest == 0 || !double.IsFinite(largest))
        {
            return 0;
        }

        int k = Math.ILogB(largest);
        return k > Limit || k < -Limit ? k : 0;
    }

    /// <summary>x·2^e, refused when it leaves double precision (overflow, or a positive value lost to underflow).</summary>
    public static double Unscale(double x, int e, string what, string paramName = "sample")
    {
        double y = Math.ScaleB(x, e);
        if (double.IsFinite(x) && (double.IsInfinity(y) || (x != 0 && Math.Abs(y) < SmallestNormal)))
        {
            throw new Exceptions.AssumptionException(
                Exceptions.AssumptionReason.WrongKindOfData,
                what,
                "the " + what + " of these data, about " + Approximate(x, e) + ", is beyond double precision (1.8e308 down to 2.2e-308); "
                + "rescale the data (e.g. change its unit): mean-based results scale with the data and standardized ones do not change.",
                paramName);
        }

        return y;
    }

    /// <summary>
    /// x·2^e for an estimate (a mean, a difference, a coefficient): refused, as <see cref="Unscale"/> refuses, only when it
    /// overflows; a value below 2.2e−308 is returned with the precision a subnormal double keeps.
    /// </summary>
    public static double InDataUnits(double x, int e, string what, string paramName)
        => Math.ScaleB(x, e) is var y && (double.IsFinite(y) || !double.IsFinite(x)) ? y : Unscale(x, e, what, paramName);

    /// <summary>x·2^e written as a decimal even when it is beyond double (e.g. 3.2e+600).</summary>
    private static string Approximate(double x, int e)
    {
        if (x == 0)
        {
            return "0";
        }

        double log10 = Math.Log10(Math.Abs(x)) + e * Math.Log10(2);
        double exponent = Math.Floor(log10);
        double mantissa = Math.Pow(10, log10 - exponent) * Math.Sign(x);
        return mantissa.ToString("0.0", CultureInfo.InvariantCulture) + "e" + (exponent >= 0 ? "+" : string.Empty) + exponent.ToString("0", CultureInfo.InvariantCulture);
    }
}

/// <summary>Two arms' moments in one common unit, 2^<see cref="Exponent"/>, so that they combine without overflow.</summary>
internal readonly record struct TwoArmMoments(ArmMoments Treated, ArmMoments Control, ArmLabels Arms)
{
    public static TwoArmMoments From(ContinuousSample sample, string why)
    {
        ArmGuard.BothArmsAtLeast(sample, 2, nameof(sample), why);
        return From(sample.Treated.AsSpan(), sample.Control.AsSpan(), sample.Arms);
    }

    /// <summary>The moments of two arms of finite values, in the unit chosen from the largest magnitude and spread of both (<see cref="ArmMoments.UnitFor(ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</summary>
    public static TwoArmMoments From(ReadOnlySpan<double> treated, ReadOnlySpan<double> control, ArmLabels arms)
    {
        int k = ArmMoments.UnitFor(treated, control);
        return new TwoArmMoments(ArmMoments.From(treated, k), ArmMoments.From(control, k), arms);
    }

    public static TwoArmMoments From(SummarySample sample)
    {
        int k = ArmMoments.UnitFor(sample.Treated, sample.Control);
        return new TwoArmMoments(ArmMoments.From(sample.Treated, k), ArmMoments.From(sample.Control, k), sample.Arms);
    }

    /// <summary>
    /// The moments of two arms' changes follow-up − baseline. When every change is finite in double precision they are
    /// those of the changes, the same bits as <see cref="From(ReadOnlySpan{double}, ReadOnlySpan{double}, ArmLabels)"/>;
    /// when one overflows, the values are divided by 2^k (k the binary exponent of the largest) before they are
    /// subtracted, and the moments are held in units of 2^k times those of the scaled changes.
    /// </summary>
    public static TwoArmMoments OfChanges(ReadOnlySpan<double> followUp, ReadOnlySpan<double> baseline, int treated, ArmLabels arms)
    {
        var change = new double[followUp.Length];
        bool finite = true;
        for (int i = 0; i < change.Length; i++)
        {
            change[i] = followUp[i] - baseline[i];
            finite &= double.IsFinite(change[i]);
        }

        if (finite)
        {
            return From(change.AsSpan(0, treated), change.AsSpan(treated), arms);
        }

        int k = ArmMoments.ChangeExponent(followUp, baseline);
        ArmMoments.Changes(followUp, baseline, k, change);
        var m = From(change.AsSpan(0, treated), change.AsSpan(treated), arms);
        return new TwoArmMoments(m.Treated with { Exponent = m.Exponent + k }, m.Control with { Exponent = m.Exponent + k }, arms);
    }

    /// <summary>The common unit of both arms: their moments are those of the data divided by 2^Exponent.</summary>
    public int Exponent => Treated.Exponent;

    /// <summary>The mean difference in units of 2^<see cref="Exponent"/>.</summary>
    public double ScaledDifference => Treated.ScaledMean - Control.ScaledMean;

    /// <summary>The mean difference in the data's units; refused when beyond double precision.</summary>
    public double Difference => ArmMoments.Unscale(ScaledDifference, Exponent, "mean difference");

    public int PooledDegreesOfFreedom => Treated.N + Control.N - 2;

    /// <summary>The pooled variance in units of 2^(2·<see cref="Exponent"/>).</summary>
    public double ScaledPooledVariance => ((Treated.N - 1) * Treated.ScaledVariance + (Control.N - 1) * Control.ScaledVariance) / PooledDegreesOfFreedom;

    /// <summary>The pooled variance in the data's units; refused when beyond double precision.</summary>
    public double PooledVariance => ArmMoments.Unscale(ScaledPooledVariance, 2 * Exponent, "pooled variance");

    /// <summary>√(1/n1 + 1/n2): the factor between a standardized difference and its t statistic.</summary>
    public double Scale => Math.Sqrt(1.0 / Treated.N + 1.0 / Control.N);

    /// <summary>A value in units of 2^<see cref="Exponent"/> (a limit, an SE) back in the data's units: exact, or ±∞ beyond double.</summary>
    public double Unscale(double x) => Math.ScaleB(x, Exponent);
}
