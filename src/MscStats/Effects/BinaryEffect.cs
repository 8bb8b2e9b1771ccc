using System;
using System.Collections.Generic;
using System.Threading;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Unconditional;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Effects;

/// <summary>
/// Effect sizes of a binary outcome (a 2x2 table, treated vs control) with their confidence intervals:
/// per-arm proportions, the risk difference, risk ratio, sample odds ratio, Cohen's h and the number needed
/// to treat.
/// </summary>
/// <remarks>
/// <para>
/// Zero cells are valid data. Methods defined with zeros (Wilson, Clopper–Pearson, Newcombe,
/// Miettinen–Nurminen, Koopman) use them as they are. The Katz interval, undefined with a zero event count, throws an
/// <see cref="AssumptionException"/> with reason <see cref="AssumptionReason.DegenerateTable"/>. The sample odds ratio
/// with a zero cell is reported (0 or +∞) without its Woolf interval, which is undefined, and a diagnostic says so;
/// the Haldane–Anscombe correction is applied only on request and recorded. Estimates that are infinite by definition
/// (a risk ratio with no control events) are returned as +∞; an estimate that is 0/0 throws.
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
public static class BinaryEffect
{
    /// <summary>A proportion events/total with its confidence interval.</summary>
    /// <param name="events">Events, in [0, <paramref name="total"/>].</param>
    /// <param name="total">Subjects, at least 1.</param>
    /// <param name="options">Level and interval method; default Wilson, 95%.</param>
    /// <returns>The proportion with its interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public static EstimateResult Proportion(int events, int total, ProportionOptions? options = null)
    {
        Guard.AtLeast(total, 1);
        Guard.InRange(events, 0, total);
        options ??= ProportionOptions.Default;
        Guard.Defined(options.Interval, "options.Interval");
        var level = Guard.Level(options.Level, "options.Level");
        var (lo, hi) = ProportionLimits(events, total, options.Interval, level);
        string method = options.Interval switch
        {
            ProportionInterval.Wilson => "Wilson score",
            ProportionInterval.ClopperPearson => "Clopper-Pearson",
            ProportionInterval.Jeffreys => "Jeffreys",
            ProportionInterval.AgrestiCoull => "Agresti-Coull",
            _ => "mid-p exact",
        };
        return new EstimateResult(
            "proportion", (double)events / total, new ConfidenceInterval(lo, hi, level, method), new SampleSizes(total, null),
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, method)));
    }

    /// <summary>The proportion of events in one arm of a 2x2 sample.</summary>
    /// <param name="sample">The table.</param>
    /// <param name="arm">Which arm.</param>
    /// <param name="options">Level and interval method.</param>
    /// <returns>The proportion with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static EstimateResult Proportion(BinarySample sample, ArmRole arm, ProportionOptions? options = null)
    {
        Guard.NotNull(sample);
        return Guard.Defined(arm) == ArmRole.Treated
            ? Proportion(sample.TreatedEvents, sample.TreatedTotal, options)
            : Proportion(sample.ControlEvents, sample.ControlTotal, options);
    }

    /// <summary>The risk difference p₁ − p₂ (treated − control) with its confidence interval.</summary>
    /// <param name="sample">The table.</param>
    /// <param name="options">Level, interval method and clipping; default Newcombe, 95%.</param>
    /// <param name="progress">
    /// Receives the share of the work done, in [0, 1], for the exact unconditional interval (the one that can take seconds:
    /// every tail probability is a supremum over the nuisance parameter); the other intervals report nothing. May be null.
    /// </param>
    /// <param name="cancellationToken">Stops the exact unconditional interval between tail probabilities.</param>
    /// <returns>
    /// The risk difference with its interval. The Wald-type intervals (Wald, Agresti–Caffo) are clipped to [−1, 1]
    /// unless <see cref="RiskDifferenceOptions.Clip"/> is false, and record the choice in the <c>clip</c> convention; a
    /// Wald interval of zero width (both proportions 0 or 1) carries a <see cref="DiagnosticCodes.ZeroWidthInterval"/> warning.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <see cref="RiskDifferenceOptions.Clip"/> is false with a score or exact interval, whose limits lie within [−1, 1]
    /// by construction.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static EstimateResult RiskDifference(
        BinarySample sample, RiskDifferenceOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(sample);
        options ??= RiskDifferenceOptions.Default;
        Guard.Defined(options.Interval, "options.Interval");
        var level = Guard.Level(options.Level, "options.Level");
        bool waldType = options.Interval is RiskDifferenceInterval.Wald or RiskDifferenceInterval.AgrestiCaffo;
        Guard.Requires(
            options.Clip || waldType,
            "Clip = false applies to the Wald and Agresti-Caffo intervals only; the " + options.Interval + " interval lies within [-1, 1] by construction.",
            "options.Clip");

        int a = sample.TreatedEvents, n1 = sample.TreatedTotal, c = sample.ControlEvents, n2 = sample.ControlTotal;
        double p1 = (double)a / n1, p2 = (double)c / n2, rd = p1 - p2;
        double z = Z(level);
        double lo, hi;
        string method;
        var diagnostics = new List<Diagnostic>(Missing(sample));
        switch (options.Interval)
        {
            case RiskDifferenceInterval.Newcombe:
                var (l1, u1) = Wilson(a, n1, z);
                var (l2, u2) = Wilson(c, n2, z);
                lo = rd - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
                hi = rd + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
                method = "Newcombe hybrid score";
                break;
            case RiskDifferenceInterval.MiettinenNurminen:
                (lo, hi) = MiettinenNurminen(a, n1, c, n2, z);
                method = "Miettinen-Nurminen score";
                break;
            case RiskDifferenceInterval.ExactUnconditional:
                (lo, hi) = UnconditionalRiskDifference.Interval(a, n1, c, n2, 1 - level.Value, 1000, progress, cancellationToken);
                method = "Chan-Zhang exact unconditional score";
                break;
            case RiskDifferenceInterval.AgrestiCaffo:
                double q1 = (a + 1.0) / (n1 + 2), q2 = (c + 1.0) / (n2 + 2);
                double se = Math.Sqrt(q1 * (1 - q1) / (n1 + 2) + q2 * (1 - q2) / (n2 + 2));
                (lo, hi) = (q1 - q2 - z * se, q1 - q2 + z * se);
                method = "Agresti-Caffo";
                break;
            default:
                double w = z * Math.Sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
                (lo, hi) = (rd - w, rd + w);
                method = "Wald";
                if (w == 0)
                {
                    diagnostics.Add(Diagnostic.Warning(
                        DiagnosticCodes.ZeroWidthInterval,
                        "The Wald interval has zero width because both proportions are 0 or 1, so its standard error is 0; use the Newcombe or Miettinen-Nurminen interval"));
                }

                break;
        }

        var conventions = new List<Convention> { new(ConventionNames.IntervalMethod, method) };
        if (waldType)
        {
            conventions.Add(new Convention(ConventionNames.Clip, options.Clip ? "limits clipped to [-1, 1]" : "none (limits may leave [-1, 1])"));
        }

        if (options.Clip)
        {
            // The score and exact limits lie in [-1, 1] by construction; this only removes rounding beyond it for them.
            (lo, hi) = (Math.Max(-1, lo), Math.Min(1, hi));
        }
        else if (lo < -1 || hi > 1)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.IntervalBeyondRange,
                "The " + method + " interval reaches beyond [-1, 1] and is reported unclipped, as requested (options.Clip = false)"));
        }

        return new EstimateResult(
            "risk difference", rd, new ConfidenceInterval(lo, hi, level, method), Sizes(sample),
            EquatableArray.Create(conventions.ToArray()),
            diagnostics: diagnostics.ToArray());
    }

    /// <summary>The risk ratio p₁/p₂ (treated/control) with its confidence interval.</summary>
    /// <param name="sample">The table.</param>
    /// <param name="options">Level and interval method; default Koopman, 95%.</param>
    /// <returns>The risk ratio (+∞ when the control arm has no events) with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">
    /// Neither arm has an event (the ratio is 0/0), or the Katz interval was requested with a zero event count.
    /// </exception>
    public static EstimateResult RiskRatio(BinarySample sample, RiskRatioOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= RiskRatioOptions.Default;
        Guard.Defined(options.Interval, "options.Interval");
        var level = Guard.Level(options.Level, "options.Level");
        int a = sample.TreatedEvents, n1 = sample.TreatedTotal, c = sample.ControlEvents, n2 = sample.ControlTotal;
        if (a == 0 && c == 0)
        {
            throw Degenerate("neither arm has an event, so the risk ratio is 0/0", nameof(sample));
        }

        double rr = c == 0 ? double.PositiveInfinity : ((double)a / n1) / ((double)c / n2);
        double z = Z(level);
        double lo, hi;
        string method;
        if (options.Interval == RiskRatioInterval.Katz)
        {
            if (a == 0 || c == 0)
            {
                throw Degenerate("the Katz log interval is undefined with a zero event count; use RiskRatioInterval.Koopman", nameof(sample));
            }

            double se = Math.Sqrt(1.0 / a - 1.0 / n1 + 1.0 / c - 1.0 / n2);
            (lo, hi) = (rr * Math.Exp(-z * se), rr * Math.Exp(z * se));
            method = "Katz log";
        }
        else
        {
            (lo, hi) = Koopman(a, n1, c, n2, z);
            method = "Koopman score";
        }

        return new EstimateResult(
            "risk ratio", rr, new ConfidenceInterval(lo, hi, level, method), Sizes(sample),
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, method)), diagnostics: Missing(sample));
    }

    /// <summary>
    /// The sample odds ratio ad/(bc) with Woolf's (1955) logit interval exp(log OR ± z·√(1/a + 1/b + 1/c + 1/d)).
    /// The conditional maximum-likelihood odds ratio with its exact interval comes with Fisher's exact test.
    /// </summary>
    /// <param name="sample">The table.</param>
    /// <param name="options">Level and zero-cell correction; default none, 95%.</param>
    /// <returns>
    /// The odds ratio with its interval; the correction, when applied, is in the conventions and diagnostics. Without a
    /// correction a zero cell leaves the estimate defined as the sample odds ratio (0 when a or d is 0, +∞ when b or c is
    /// 0) but not the Woolf interval, whose log standard error is infinite: the interval is then null and a
    /// <see cref="DiagnosticCodes.IntervalUndefined"/> warning says why and names
    /// <see cref="ZeroCellCorrection.HaldaneAnscombeIfZero"/>. With a correction the estimate and the interval are both
    /// those of the corrected table.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="AssumptionException">
    /// No correction was requested and ad = bc = 0 (no events in either arm, or events only), so the sample odds ratio is
    /// 0/0; reason <see cref="AssumptionReason.DegenerateTable"/>.
    /// </exception>
    public static EstimateResult OddsRatio(BinarySample sample, OddsRatioOptions? options = null)
    {
        Guard.NotNull(sample);
        options ??= OddsRatioOptions.Default;
        Guard.Defined(options.Correction, "options.Correction");
        var level = Guard.Level(options.Level, "options.Level");
        double a = sample.TreatedEvents, b = sample.TreatedNonEvents, c = sample.ControlEvents, d = sample.ControlNonEvents;
        bool zero = a == 0 || b == 0 || c == 0 || d == 0;
        bool correct = options.Correction == ZeroCellCorrection.HaldaneAnscombeAlways || (zero && options.Correction == ZeroCellCorrection.HaldaneAnscombeIfZero);
        var diagnostics = new List<Diagnostic>(Missing(sample));
        if (correct)
        {
            (a, b, c, d) = (a + 0.5, b + 0.5, c + 0.5, d + 0.5);
            diagnostics.Add(Diagnostic.Info(DiagnosticCodes.ZeroCellCorrection, "Haldane-Anscombe correction applied: 0.5 added to every cell"));
        }
        else if (zero)
        {
            double numerator = a * d, denominator = b * c;
            if (numerator == 0 && denominator == 0)
            {
                throw Degenerate(
                    "ad = bc = 0 (" + (a == 0 ? "no events in either arm" : "events only, in both arms")
                    + "), so the sample odds ratio is 0/0; pass ZeroCellCorrection.HaldaneAnscombeIfZero, or use the conditional (exact) odds ratio",
                    nameof(sample));
            }

            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.IntervalUndefined,
                "Woolf interval undefined with a zero cell (the log odds ratio is infinite and so is its standard error); no interval reported. Use ZeroCellCorrection.HaldaneAnscombeIfZero for a corrected interval, or the conditional exact interval of Fisher's test"));
            return new EstimateResult(
                "odds ratio", denominator == 0 ? double.PositiveInfinity : 0, null, Sizes(sample),
                EquatableArray.Create(
                    new Convention(ConventionNames.IntervalMethod, "none (Woolf logit undefined with a zero cell)"),
                    new Convention(ConventionNames.Correction, "none")),
                diagnostics: diagnostics.ToArray());
        }

        double or = a * d / (b * c);
        double se = Math.Sqrt(1 / a + 1 / b + 1 / c + 1 / d);
        double z = Z(level);
        return new EstimateResult(
            "odds ratio", or, new ConfidenceInterval(or * Math.Exp(-z * se), or * Math.Exp(z * se), level, "Woolf logit"), Sizes(sample),
            EquatableArray.Create(
                new Convention(ConventionNames.IntervalMethod, "Woolf logit"),
                new Convention(ConventionNames.Correction, correct ? "Haldane-Anscombe 0.5 added to every cell" : "none")),
            diagnostics: diagnostics.ToArray());
    }

    /// <summary>
    /// Cohen's h = 2 asin √p₁ − 2 asin √p₂ (Cohen 1988), the difference of arcsine-transformed proportions, with
    /// the interval h ± z·√(1/n₁ + 1/n₂).
    /// </summary>
    /// <param name="sample">The table.</param>
    /// <param name="options">The confidence level; default 95%.</param>
    /// <returns>The estimate with its interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static EstimateResult CohensH(BinarySample sample, IntervalOptions? options = null)
    {
        Guard.NotNull(sample);
        var l = Guard.Level((options ?? IntervalOptions.Default).Level, "options.Level");
        double h = 2 * Math.Asin(Math.Sqrt((double)sample.TreatedEvents / sample.TreatedTotal))
                   - 2 * Math.Asin(Math.Sqrt((double)sample.ControlEvents / sample.ControlTotal));
        double w = Z(l) * Math.Sqrt(1.0 / sample.TreatedTotal + 1.0 / sample.ControlTotal);
        return new EstimateResult(
            "Cohen's h", h, new ConfidenceInterval(h - w, h + w, l, "normal, var = 1/n1 + 1/n2"), Sizes(sample),
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, "normal, var = 1/n1 + 1/n2")), diagnostics: Missing(sample));
    }

    /// <summary>
    /// The number needed to treat, 1/|RD|, labelled NNTB or NNTH by the sign of the risk difference and whether
    /// events are harmful, with Altman's (1998) confidence set from the chosen risk-difference interval: when that
    /// interval contains 0, the set runs from NNTB a through infinity to NNTH b.
    /// </summary>
    /// <param name="sample">The table.</param>
    /// <param name="options">Whether events are harmful or beneficial (required), and the risk-difference interval's level and method (default Newcombe, 95%).</param>
    /// <returns>The number needed to treat with its confidence set and the underlying risk difference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public static NumberNeededToTreatResult NumberNeededToTreat(BinarySample sample, NumberNeededToTreatOptions options)
    {
        Guard.NotNull(options);
        var events = Guard.Defined(options.Events, "options.Events");
        var rd = RiskDifference(sample, new RiskDifferenceOptions { Level = options.Level, Interval = options.Interval });
        // Benefit-oriented difference: positive when treatment helps.
        double sign = events == EventKind.Harmful ? -1 : 1;
        double benefit = sign * rd.Estimate;
        double lo = Math.Min(sign * rd.Interval!.Lower, sign * rd.Interval.Upper);
        double hi = Math.Max(sign * rd.Interval.Lower, sign * rd.Interval.Upper);
        var direction = benefit > 0 ? NntDirection.Benefit : benefit < 0 ? NntDirection.Harm : NntDirection.Neither;
        NntRange? benefitRange = hi > 0 ? new NntRange(1 / hi, lo > 0 ? 1 / lo : double.PositiveInfinity) : null;
        NntRange? harmRange = lo < 0 ? new NntRange(1 / -lo, hi < 0 ? 1 / -hi : double.PositiveInfinity) : null;
        return new NumberNeededToTreatResult(
            rd, events == EventKind.Harmful, benefit == 0 ? double.PositiveInfinity : 1 / Math.Abs(benefit), direction, benefitRange, harmRange);
    }

    private static (double Lower, double Upper) ProportionLimits(int x, int n, ProportionInterval method, ConfidenceLevel level)
    {
        double alpha = level.Alpha, z = Z(level);
        switch (method)
        {
            case ProportionInterval.Wilson:
                return Wilson(x, n, z);
            case ProportionInterval.ClopperPearson:
                return BinomialLimits.ClopperPearson(x, n, alpha);
            case ProportionInterval.Jeffreys:
                return (BinomialLimits.BetaQuantile(x + 0.5, n - x + 0.5, alpha / 2), BinomialLimits.BetaQuantile(x + 0.5, n - x + 0.5, 1 - alpha / 2));
            case ProportionInterval.AgrestiCoull:
                double nt = n + z * z, pt = (x + z * z / 2) / nt, w = z * Math.Sqrt(pt * (1 - pt) / nt);
                return (Math.Max(0, pt - w), Math.Min(1, pt + w));
            default:
                double target = alpha / 2;
                double lower = x == 0 ? 0 : RootFinder.Brent(p => BinomialLimits.UpperTail(x, n, p) + 0.5 * BinomialLimits.Pmf(x, n, p) - target, 0, 1, 1e-16);
                double upper = x == n ? 1 : RootFinder.Brent(p => BinomialLimits.LowerTail(x, n, p) + 0.5 * BinomialLimits.Pmf(x, n, p) - target, 0, 1, 1e-16);
                return (lower, upper);
        }
    }

    private static (double Lower, double Upper) Wilson(int x, int n, double z) => WilsonScore.Limits(x, n, z);

    /// <summary>
    /// Miettinen–Nurminen: the δ where (p̂₁ − p̂₂ − δ)/√(V(δ)) = ±z, V from the restricted MLE under p₁ − p₂ = δ
    /// (the closed-form cubic root of Farrington and Manning 1990, Stat. Med. 9(12)) times N/(N − 1).
    /// </summary>
    private static (double Lower, double Upper) MiettinenNurminen(int a, int n1, int c, int n2, double z)
    {
        double p1 = (double)a / n1, p2 = (double)c / n2, rd = p1 - p2;
        double n = n1 + n2;
        double Score(double delta)
        {
            var (r1, r2) = UnconditionalRiskDifference.RestrictedDifference(p1, p2, n1, n2, delta);
            double v = (r1 * (1 - r1) / n1 + r2 * (1 - r2) / n2) * n / (n - 1);
            double diff = rd - delta;
            return v <= 0 ? (diff == 0 ? 0 : Math.Sign(diff) * double.MaxValue) : diff / Math.Sqrt(v);
        }

        const double edge = 1 - 1e-15;
        double lower = Score(-edge) < z ? -1 : RootFinder.Brent(d => Score(d) - z, -edge, rd, 1e-15);
        double upper = Score(edge) > -z ? 1 : RootFinder.Brent(d => Score(d) + z, rd, edge, 1e-15);
        return (lower, upper);
    }

    /// <summary>
    /// Koopman: the φ where (p̂₁ − φp̂₂)/√(p̃₁q̃₁/n₁ + φ²p̃₂q̃₂/n₂) = ±z, with the restricted MLE under p₁ = φp₂
    /// from the quadratic of Miettinen and Nurminen (1985); solved in log φ.
    /// </summary>
    private static (double Lower, double Upper) Koopman(int a, int n1, int c, int n2, double z)
    {
        double p1 = (double)a / n1, p2 = (double)c / n2;
        double Score(double logPhi)
        {
            double phi = Math.Exp(logPhi);
            double qa = phi * (n1 + n2);
            double qb = -(phi * n1 + a + n2 + c * phi);
            double qc = a + c;
            double r2 = (-qb - Math.Sqrt(Math.Max(0, qb * qb - 4 * qa * qc))) / (2 * qa);
            double r1 = phi * r2;
            double v = r1 * (1 - r1) / n1 + phi * phi * r2 * (1 - r2) / n2;
            double diff = p1 - phi * p2;
            return v <= 0 ? (diff == 0 ? 0 : Math.Sign(diff) * double.MaxValue) : diff / Math.Sqrt(v);
        }

        // The score decreases in log φ; search from the estimate (or from 0 when it is 0 or ∞).
        double center = a > 0 && c > 0 ? Math.Log(p1 / p2) : 0;
        double lower = a == 0 ? 0 : Math.Exp(Root(lg => z - Score(lg), center));
        double upper = c == 0 ? double.PositiveInfinity : Math.Exp(Root(lg => -z - Score(lg), center));
        return (lower, upper);
    }

    private static double Root(Func<double, double> increasing, double start) => RootFinder.IncreasingRoot(increasing, start, 1.0, 1e-14);

    private static double Z(ConfidenceLevel level) => Normal.InvCDF(0, 1, 1 - level.Alpha / 2);

    private static SampleSizes Sizes(BinarySample sample) => new(sample.TreatedTotal, sample.ControlTotal);

    private static Diagnostic[] Missing(BinarySample sample) => sample.Missing.ToDiagnostic(sample.Arms) is { } d ? [d] : [];

    private static AssumptionException Degenerate(string message, string paramName)
        => new(AssumptionReason.DegenerateTable, "2x2 table", message + ".", paramName);
}
