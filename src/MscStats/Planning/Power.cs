using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Planning;

/// <summary>
/// Power, sample size and detectable difference of a two-arm trial with a continuous endpoint, from the noncentral t
/// distribution (not the normal approximation): Student's and Welch's t tests and ANCOVA on the baseline, with equal or
/// unequal allocation, one- or two-sided; and the honest use of a pilot's uncertain SD and difference (upper confidence
/// limit of the SD, Julious's noncentral-t method, expected power, assurance).
/// </summary>
/// <remarks>
/// <para>
/// The power of a t test whose statistic is noncentral t with ν degrees of freedom and noncentrality λ is
/// P(T &gt; c) (greater), P(T &lt; −c) (less), or their sum (two-sided, both tails; see <see cref="TwoSidedPower"/>), with c the
/// central t quantile at 1 − α or 1 − α/2. For Student's t, λ = δ/(σ√(1/n₁ + 1/n₂)) and ν = n₁ + n₂ − 2, as R's
/// <c>power.t.test</c> and <c>pwr.t2n.test</c> and statsmodels' <c>TTestIndPower</c> compute it.
/// </para>
/// <para>
/// A sample-size search returns the smallest control size n₂ (with n₁ = ⌈ratio·n₂⌉) whose power reaches the target; when the
/// target cannot be reached by <see cref="PowerOptions.MaximumPerArm"/>, it returns the power at the maximum with
/// <see cref="PowerResult.TargetReached"/> false and a <see cref="DiagnosticCodes.TargetNotReached"/> diagnostic that
/// says why. The search assumes power increases with n, which holds for every method here.
/// </para>
/// <para>Thread safe. One power evaluation takes about 0.1 ms; one averaged over a pilot's uncertainty about 10 ms.</para>
/// </remarks>
public static class Power
{
    /// <summary>The power at the design's arm sizes and difference.</summary>
    /// <param name="design">The design, with <see cref="ContinuousDesign.Difference"/>, <see cref="ContinuousDesign.Treated"/> and <see cref="ContinuousDesign.Control"/> set.</param>
    /// <param name="options">Test, α, alternative, tails and pilot method; default <see cref="PowerOptions.Default"/>.</param>
    /// <returns>The power, with a <see cref="DiagnosticCodes.ZeroEffect"/> note when the difference is 0 (the power is then α).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A value the verb needs is missing or out of range; the exception names it.</exception>
    public static PowerResult Compute(ContinuousDesign design, PowerOptions? options = null)
    {
        var (o, kernel) = Resolve(design, options, needsDifference: true);
        var (n1, n2) = Sizes(design, o);
        double d = design.Difference!.Value;
        double power = kernel.Evaluate(n1, n2, d);
        var diagnostics = DifferenceNotes(d, o, power).ToList();
        return new PowerResult(
            Name(o, "power"), power, d, kernel.StandardDeviation, o.Alpha, o.Alternative, new SampleSizes(n1, n2), kernel.DegreesOfFreedom(n1, n2),
            kernel.Noncentrality(n1, n2, d), conventions: EquatableArray.Create(kernel.Conventions(false, 1).ToArray()),
            diagnostics: EquatableArray.Create(diagnostics.ToArray()));
    }

    /// <summary>
    /// The smallest arm sizes whose power reaches <see cref="PowerOptions.TargetPower"/>: the search runs over the control size
    /// n₂ from 2 to <see cref="PowerOptions.MaximumPerArm"/> with n₁ = ⌈<see cref="ContinuousDesign.AllocationRatio"/>·n₂⌉.
    /// </summary>
    /// <param name="design">The design, with <see cref="ContinuousDesign.Difference"/> set; its sizes must be unset.</param>
    /// <param name="options">Test, α, alternative, tails, target, maximum and pilot method; default <see cref="PowerOptions.Default"/>.</param>
    /// <returns>
    /// The smallest sizes and their power; when the target is out of reach, the sizes at the maximum (the best found), with
    /// <see cref="PowerResult.TargetReached"/> false and the reason in a <see cref="DiagnosticCodes.TargetNotReached"/> diagnostic.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A value the verb needs is missing or out of range; the exception names it.</exception>
    public static PowerResult SampleSize(ContinuousDesign design, PowerOptions? options = null)
    {
        var (o, kernel) = Resolve(design, options, needsDifference: true);
        double target = Target(o);
        double ratio = ContinuousDesign.Positive(design.AllocationRatio, "design.AllocationRatio");
        if (design.Treated is not null || design.Control is not null)
        {
            throw new ArgumentException("must be unset (null) for a sample-size search; the search finds the sizes.", "design.Control");
        }

        int max = Guard.AtLeast(o.MaximumPerArm, 2, "options.MaximumPerArm");
        double d = design.Difference!.Value;
        int Treated(int n2) => Math.Max(2, (int)Math.Ceiling(ratio * n2 - 1e-9));
        var cache = new Dictionary<int, double>();
        double PowerAt(int n2)
        {
            if (!cache.TryGetValue(n2, out double p))
            {
                p = kernel.Evaluate(Treated(n2), n2, d);
                cache[n2] = p;
            }

            return p;
        }

        // Doubling from 2 up to the maximum, then bisection; the power at the maximum is evaluated only when the doubling reaches it.
        var diagnostics = DifferenceNotes(d, o, null).ToList();
        int lo = 1, hi = 2;
        while (hi < max && PowerAt(hi) < target)
        {
            lo = hi;
            hi = (int)Math.Min((long)hi * 2, max);
        }

        int found;
        bool reached = PowerAt(hi) >= target;
        if (!reached)
        {
            found = max;
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TargetNotReached, NotReachedReason(kernel, o, d, target, PowerAt(max), max, Treated(max))));
        }
        else
        {
            // Invariant: power(hi) >= target; lo < 2 or power(lo) < target.
            while (hi - lo > 1)
            {
                int mid = lo + (hi - lo) / 2;
                if (PowerAt(mid) >= target)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            found = hi;
        }

        int n1 = Treated(found);
        return new PowerResult(
            Name(o, "sample size"), PowerAt(found), d, kernel.StandardDeviation, o.Alpha, o.Alternative, new SampleSizes(n1, found),
            kernel.DegreesOfFreedom(n1, found), kernel.Noncentrality(n1, found, d), target, reached,
            EquatableArray.Create(kernel.Conventions(true, ratio).ToArray()), EquatableArray.Create(diagnostics.ToArray()));
    }

    /// <summary>
    /// The power against the arm sizes: <see cref="Compute(ContinuousDesign, PowerOptions?)"/> at control sizes n₂ from
    /// <paramref name="minimumPerArm"/> to <paramref name="maximumPerArm"/> (n₁ = ⌈<see cref="ContinuousDesign.AllocationRatio"/>·n₂⌉),
    /// every size when there are at most <paramref name="points"/> of them, otherwise evenly spaced sizes that include both ends.
    /// </summary>
    /// <param name="design">The design, with <see cref="ContinuousDesign.Difference"/> set; its sizes must be unset.</param>
    /// <param name="minimumPerArm">The smallest control size; at least 2.</param>
    /// <param name="maximumPerArm">The largest control size; above <paramref name="minimumPerArm"/>.</param>
    /// <param name="options">Test, α, alternative, tails, target and pilot method; default <see cref="PowerOptions.Default"/>. The target is recorded on the curve.</param>
    /// <param name="points">The most sizes to evaluate; at least 2. Default 120.</param>
    /// <returns>The curve, labelled with the calculation's method.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A value the verb needs is missing or out of range; the exception names it.</exception>
    public static PowerCurve Curve(ContinuousDesign design, int minimumPerArm, int maximumPerArm, PowerOptions? options = null, int points = 120)
    {
        var (o, kernel) = Resolve(design, options, needsDifference: true);
        double ratio = ContinuousDesign.Positive(design.AllocationRatio, "design.AllocationRatio");
        if (design.Treated is not null || design.Control is not null)
        {
            throw new ArgumentException("must be unset (null) for a power curve; the curve runs over the sizes.", design.Treated is not null ? "design.Treated" : "design.Control");
        }

        Guard.AtLeast(minimumPerArm, 2, nameof(minimumPerArm));
        if (maximumPerArm <= minimumPerArm)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumPerArm), maximumPerArm, "must exceed minimumPerArm (" + Guard.Format(minimumPerArm) + ").");
        }

        Guard.AtLeast(points, 2, nameof(points));
        double d = design.Difference!.Value;
        var sizes = CurveSizes(minimumPerArm, maximumPerArm, points);
        var curve = new PowerCurvePoint[sizes.Count];
        for (int i = 0; i < sizes.Count; i++)
        {
            int n2 = sizes[i], n1 = Math.Max(2, (int)Math.Ceiling(ratio * n2 - 1e-9));
            curve[i] = new PowerCurvePoint(n1, n2, kernel.Evaluate(n1, n2, d));
        }

        return new PowerCurve(Name(o, "power"), EquatableArray.Create(curve), o.Alpha, o.Alternative, Target(o));
    }

    /// <summary>Every size from <paramref name="min"/> to <paramref name="max"/>, or at most <paramref name="points"/> evenly spaced ones with both ends.</summary>
    internal static List<int> CurveSizes(int min, int max, int points)
    {
        var sizes = new List<int>();
        if ((long)max - min + 1 <= points)
        {
            for (int n = min; n <= max; n++)
            {
                sizes.Add(n);
            }

            return sizes;
        }

        for (int i = 0; i < points; i++)
        {
            int n = (int)Math.Round(min + (double)(max - min) * i / (points - 1), MidpointRounding.AwayFromZero);
            if (sizes.Count == 0 || n > sizes[^1])
            {
                sizes.Add(n);
            }
        }

        return sizes;
    }

    /// <summary>
    /// The power of a two-arm trial with a binary endpoint at the design's arm sizes and proportions. For an exact test it
    /// is the sum of Bin(x₁; n₁, p₁)·Bin(x₂; n₂, p₂) over the tables (x₁, x₂) the test rejects at level α (p-value ≤ α,
    /// found with the test's own p-value kernel), and the result carries the test's actual size; a normal approximation is
    /// a closed form and says so.
    /// </summary>
    /// <param name="design">The design, with <see cref="BinaryDesign.Treated"/> and <see cref="BinaryDesign.Control"/> set (each at most <see cref="BinaryPowerOptions.ExactMaximumPerArm"/> for an exact test).</param>
    /// <param name="options">Test, α, alternative and the test's conventions; default <see cref="BinaryPowerOptions.Default"/> (Fisher's test).</param>
    /// <returns>
    /// The power, with a <see cref="DiagnosticCodes.ZeroEffect"/> note when the proportions are equal (the power is then the
    /// rejection rate under the null, at most the size) and a <see cref="DiagnosticCodes.SizeAboveAlpha"/> warning when the
    /// test's size exceeds α (mid-p).
    /// </returns>
    /// <remarks>
    /// One region costs about 1 ms for Fisher's test at 100 per arm and tens of ms for the unconditional tests
    /// (benchmarks/README.md); the methods are in docs/methods.md ("Binary endpoints: exact power and sample size").
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A value the verb needs is missing or out of range; the exception names it.</exception>
    public static BinaryPowerResult Compute(BinaryDesign design, BinaryPowerOptions? options = null) => BinaryPower.Compute(design, options);

    /// <summary>
    /// The sample size of a two-arm trial with a binary endpoint: the power at every control size n₂ from 2 to
    /// <see cref="BinaryPowerOptions.MaximumPerArm"/> (n₁ = ⌈<see cref="BinaryDesign.AllocationRatio"/>·n₂⌉), the smallest
    /// sizes reaching <see cref="BinaryPowerOptions.TargetPower"/>, and the smallest sizes from which the power stays at or
    /// above it up to the maximum (<see cref="BinaryPowerResult.StableSampleSizes"/>). Exact power is a saw-tooth in n, so
    /// the two can differ; the result holds the whole curve (<see cref="BinaryPowerResult.Curve"/>) for
    /// <c>Plot.PowerCurve</c>.
    /// </summary>
    /// <param name="design">The design with the proportions and allocation ratio; its sizes must be unset.</param>
    /// <param name="options">Test, α, alternative, target and maximum; default <see cref="BinaryPowerOptions.Default"/>.</param>
    /// <returns>
    /// The smallest sizes reaching the target, their power and the test's size there; when the target is out of reach, the
    /// sizes with the highest power scanned, with <see cref="BinaryPowerResult.TargetReached"/> false and the reason in a
    /// <see cref="DiagnosticCodes.TargetNotReached"/> diagnostic; a <see cref="DiagnosticCodes.PowerNotMonotone"/> note when
    /// the power dips below the target after first reaching it.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A value the verb needs is missing or out of range; the exception names it.</exception>
    public static BinaryPowerResult SampleSize(BinaryDesign design, BinaryPowerOptions? options = null) => BinaryPower.SampleSize(design, options);

    /// <summary>
    /// The smallest difference (positive, or negative for <see cref="Alternative.Less"/>) that the design's arm sizes detect with
    /// power <see cref="PowerOptions.TargetPower"/>, solved with Brent's method to 1e-10 relative.
    /// </summary>
    /// <param name="design">The design, with <see cref="ContinuousDesign.Treated"/> and <see cref="ContinuousDesign.Control"/> set; its difference is ignored.</param>
    /// <param name="options">Test, α, alternative, tails, target and pilot method (not <see cref="PilotMethod.Assurance"/>); default <see cref="PowerOptions.Default"/>.</param>
    /// <returns>The difference, with the power reached there.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A value the verb needs is missing or out of range; the target does not exceed the power at a difference of 0 (α); or the
    /// pilot method is assurance, whose difference is a prior, not a design value.
    /// </exception>
    public static PowerResult DetectableEffect(ContinuousDesign design, PowerOptions? options = null)
    {
        var (o, kernel) = Resolve(design, options, needsDifference: false);
        if (o.Pilot == PilotMethod.Assurance)
        {
            throw new ArgumentException("assurance averages over the pilot's difference, so it has no detectable difference; use SdUpperLimit, Julious or ExpectedPower.", "options.Pilot");
        }

        double target = Target(o);
        var (n1, n2) = Sizes(design, o);
        double atZero = kernel.AtZero(n1, n2);
        if (!(target > atZero))
        {
            throw new ArgumentOutOfRangeException("options.TargetPower", target, "must exceed the power at a difference of 0, " + Guard.Format(atZero) + " (alpha).");
        }

        double sign = o.Alternative == Alternative.Less ? -1 : 1;
        double scale = kernel.StandardDeviation * Math.Sqrt(1.0 / n1 + 1.0 / n2);
        double f(double x) => kernel.Evaluate(n1, n2, sign * x) - target;
        double hi = scale;
        for (int i = 0; i < 200 && f(hi) < 0; i++)
        {
            hi *= 2;
        }

        double x = RootFinder.Brent(f, 0, hi, 1e-10 * hi);
        double d = sign * x;
        return new PowerResult(
            Name(o, "detectable difference"), kernel.Evaluate(n1, n2, d), d, kernel.StandardDeviation, o.Alpha, o.Alternative, new SampleSizes(n1, n2),
            kernel.DegreesOfFreedom(n1, n2), kernel.Noncentrality(n1, n2, d), target, true, EquatableArray.Create(kernel.Conventions(false, 1).ToArray()));
    }

    /// <summary>
    /// The pilot SD with its one-sided upper confidence limit s·√(m/χ²_{1−γ, m}) at level γ =
    /// <see cref="PowerOptions.UpperLimitLevel"/> (default 80%), m = n₁ + n₂ − 2 (Browne 1995, Stat Med 14:1933–1940,
    /// doi:10.1002/sim.4780141709; Sim and Lewis 2012, J Clin Epidemiol 65:301–308, doi:10.1016/j.jclinepi.2011.07.011).
    /// Planning with the limit in place of s gives the intended power with probability about γ.
    /// </summary>
    /// <param name="pilot">The pilot's estimates.</param>
    /// <param name="options">The level; default 80%.</param>
    /// <returns>The pilot SD with the one-sided interval [0, limit].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pilot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The upper limit is beyond 1.8e308.</exception>
    public static EstimateResult SdUpperLimit(PilotEstimate pilot, PowerOptions? options = null)
    {
        Guard.NotNull(pilot);
        var level = Guard.Level((options ?? PowerOptions.Default).UpperLimitLevel, "options.UpperLimitLevel");
        double limit = UpperLimit(pilot, level, nameof(pilot));
        return new EstimateResult(
            "pilot SD", pilot.StandardDeviation, new ConfidenceInterval(0, limit, level, "one-sided chi-square upper limit (Browne 1995)"),
            new SampleSizes(pilot.Treated, pilot.Control),
            EquatableArray.Create(
                new Convention(ConventionNames.StandardDeviation, "pooled, n1 + n2 - 2 = " + pilot.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture) + " df"),
                new Convention(ConventionNames.IntervalMethod, "one-sided upper limit s*sqrt(m/qchisq(1 - level, m))")));
    }

    private static double UpperLimit(PilotEstimate pilot, ConfidenceLevel level, string paramName)
    {
        int m = pilot.DegreesOfFreedom;
        double factor = Math.Sqrt(m / ChiSquared.InvCDF(m, 1 - level.Value));
        double limit = pilot.StandardDeviation * factor;
        if (double.IsInfinity(limit))
        {
            throw new ArgumentOutOfRangeException(
                paramName, pilot.StandardDeviation,
                "The pilot SD's upper confidence limit, " + Guard.Format(pilot.StandardDeviation) + " x " + factor.ToString("G4", CultureInfo.InvariantCulture)
                + ", is beyond double precision (1.8e308); rescale the data (e.g. change its unit): sample sizes and power do not change.");
        }

        return limit;
    }

    private static (PowerOptions Options, PowerKernel Kernel) Resolve(ContinuousDesign design, PowerOptions? options, bool needsDifference)
    {
        Guard.NotNull(design);
        var o = options ?? PowerOptions.Default;
        Guard.Defined(o.Test, "options.Test");
        Guard.Defined(o.Alternative, "options.Alternative");
        Guard.Defined(o.TwoSidedPower, "options.TwoSidedPower");
        Guard.Defined(o.Pilot, "options.Pilot");
        Guard.Defined(o.Ancova, "options.Ancova");
        Guard.OpenInterval(o.Alpha.Value, 0, 1, "options.Alpha");
        double sd = ContinuousDesign.Positive(design.StandardDeviation, "design.StandardDeviation");
        double sdTreated = sd;
        double rho = 0;
        if (needsDifference)
        {
            if (design.Difference is not double d)
            {
                throw new ArgumentException("must be set: the difference to detect.", "design.Difference");
            }

            Guard.Finite(d, "design.Difference");
        }

        switch (o.Test)
        {
            case PlannedTest.Welch:
                sdTreated = design.TreatedStandardDeviation is double s1 ? ContinuousDesign.Positive(s1, "design.TreatedStandardDeviation") : sd;
                break;
            case PlannedTest.Ancova:
                if (design.BaselineCorrelation is not double r)
                {
                    throw new ArgumentException("must be set for ANCOVA: the baseline-follow-up correlation.", "design.BaselineCorrelation");
                }

                rho = Guard.OpenInterval(r, -1, 1, "design.BaselineCorrelation");
                break;
        }

        if (o.Test != PlannedTest.Welch && design.TreatedStandardDeviation is not null)
        {
            throw new ArgumentException("is used by Welch's test only; the " + o.Test + " test assumes one SD.", "design.TreatedStandardDeviation");
        }

        if (o.Pilot != PilotMethod.None)
        {
            if (design.Pilot is null)
            {
                throw new ArgumentException("must be set (ContinuousDesign.FromPilot) for pilot method " + o.Pilot + ".", "design.Pilot");
            }

            if (o.Test == PlannedTest.Welch || (o.Test == PlannedTest.Ancova && o.Pilot != PilotMethod.SdUpperLimit))
            {
                throw new ArgumentException("pilot method " + o.Pilot + " is available for Student's t" + (o.Pilot == PilotMethod.SdUpperLimit ? " and ANCOVA" : string.Empty) + ", not " + o.Test + ".", "options.Test");
            }

            if (o.Pilot == PilotMethod.SdUpperLimit)
            {
                sd = UpperLimit(design.Pilot, Guard.Level(o.UpperLimitLevel, "options.UpperLimitLevel"), "design.Pilot");
            }
        }

        return (o, new PowerKernel(o, sd, sdTreated, rho, o.Pilot == PilotMethod.None ? null : design.Pilot));
    }

    private static (int Treated, int Control) Sizes(ContinuousDesign design, PowerOptions o)
    {
        if (design.Treated is not int n1 || design.Control is not int n2)
        {
            throw new ArgumentException("both arm sizes must be set.", design.Treated is null ? "design.Treated" : "design.Control");
        }

        Guard.AtLeast(n1, 2, "design.Treated");
        Guard.AtLeast(n2, 2, "design.Control");
        if (o.Test == PlannedTest.Ancova && n1 + n2 < 4)
        {
            throw new ArgumentOutOfRangeException("design.Control", n2, "ANCOVA needs n1 + n2 >= 4 (one residual df).");
        }

        return (n1, n2);
    }

    private static double Target(PowerOptions o) => Guard.OpenInterval(o.TargetPower, 0, 1, "options.TargetPower");

    private static string Name(PowerOptions o, string quantity)
    {
        string test = o.Test switch
        {
            PlannedTest.Welch => "Welch t",
            PlannedTest.Ancova => "ANCOVA",
            _ => "Student t",
        };
        string how = o.Pilot switch
        {
            PilotMethod.SdUpperLimit => " with the pilot SD's upper limit",
            PilotMethod.Julious => " (Julious, pilot SD uncertain)",
            PilotMethod.ExpectedPower => " (expected power, pilot SD uncertain)",
            PilotMethod.Assurance => " (assurance)",
            _ => string.Empty,
        };
        return test + " " + quantity + how + ", noncentral t";
    }

    private static IEnumerable<Diagnostic> DifferenceNotes(double d, PowerOptions o, double? power)
    {
        if (o.Pilot == PilotMethod.Assurance)
        {
            yield break;
        }

        if (d == 0)
        {
            yield return Diagnostic.Info(DiagnosticCodes.ZeroEffect,
                "the difference is 0, so the power is the type I error rate" + (power is double p ? " (" + ReportFormat.Number(p) + ")" : string.Empty)
                + " and no sample size reaches a power above it.");
        }
        else if ((o.Alternative == Alternative.Greater && d < 0) || (o.Alternative == Alternative.Less && d > 0))
        {
            yield return Diagnostic.Warning(DiagnosticCodes.EffectOppositeAlternative,
                "the difference " + ReportFormat.Number(d) + " lies opposite to the one-sided alternative '" + TestResult.AlternativeText(o.Alternative) + "', so the power is below alpha.");
        }
    }

    private static string NotReachedReason(PowerKernel kernel, PowerOptions o, double d, double target, double best, int n2, int n1)
    {
        string head = "the target power " + ReportFormat.Number(target) + " is not reached by the maximum of " + n2.ToString(CultureInfo.InvariantCulture)
                      + " control subjects (" + n1.ToString(CultureInfo.InvariantCulture) + " treated); the best found is " + ReportFormat.Number(best) + " there";
        if (o.Pilot == PilotMethod.Assurance)
        {
            double bound = kernel.AssuranceBound(d);
            if (bound <= target)
            {
                return head + ". Assurance cannot exceed the pilot's probability that the effect lies in the tested direction, "
                       + ReportFormat.Number(bound) + ", however large the trial.";
            }
        }

        if (d == 0 || (o.Alternative == Alternative.Greater && d < 0) || (o.Alternative == Alternative.Less && d > 0))
        {
            return head + ". The difference gives no power beyond alpha in the tested direction.";
        }

        return head + "; raise options.MaximumPerArm or plan for a larger difference.";
    }
}
