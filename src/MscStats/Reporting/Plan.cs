using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using MathNet.Numerics.Distributions;
using MscStats.Data;
using MscStats.Exceptions;
using MscStats.Internal.Numerics;
using MscStats.Internal.Validation;
using MscStats.Planning;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// The plan of a main trial: for each endpoint, the sample size that every candidate test needs to reach the target
/// power, side by side with the honest uses of a pilot (the SD's upper limit, Julious's method, expected power,
/// assurance), and the power curves against n. The numbers are those of <see cref="Power"/>; a plan gathers them.
/// </summary>
/// <remarks>
/// <para>
/// A continuous plan has rows for Student's t (SD taken as known), Welch's t (when the arm SDs are given), ANCOVA on the
/// baseline (design factor, and exact for a normal baseline; when the baseline correlation is given) and, when the design
/// carries a pilot, Student's t and ANCOVA with the pilot SD's upper limit, Julious's method, expected power and
/// assurance. A binary plan has rows for Fisher's, Barnard's (pooled Z), Boschloo's and the exact unconditional
/// risk-difference tests (exact power, with the first n reaching the target and the n from which it stays above) and
/// three normal approximations.
/// </para>
/// <para>Thread safe. The rows are computed in parallel; the result does not depend on the number of threads.</para>
/// </remarks>
public static class Plan
{
    private static readonly (BinaryPlannedTest Test, string Key, string Name)[] BinaryTests =
    [
        (BinaryPlannedTest.Fisher, "fisher", "Fisher's exact test"),
        (BinaryPlannedTest.BarnardPooled, "barnard", "Barnard's test (pooled Z)"),
        (BinaryPlannedTest.Boschloo, "boschloo", "Boschloo's test"),
        (BinaryPlannedTest.UnconditionalRiskDifference, "exact-risk-difference", "Exact unconditional risk-difference score test"),
        (BinaryPlannedTest.NormalPooled, "chi-square", "Pearson chi-square"),
        (BinaryPlannedTest.NormalPooledCorrected, "chi-square-yates", "Chi-square with Yates's correction"),
        (BinaryPlannedTest.NormalArcsine, "arcsine", "Arcsine (Cohen's h)"),
    ];

    /// <summary>The plan of a trial with a continuous endpoint.</summary>
    /// <param name="design">
    /// The difference to detect, the SD, and optionally the treated arm's SD (adds Welch's t), the baseline correlation (adds
    /// ANCOVA) and the pilot (adds the pilot methods; <see cref="ContinuousDesign.FromPilot"/>); the allocation ratio. Its
    /// sizes must be unset.
    /// </param>
    /// <param name="options">α, alternative, target, maximum, upper-limit level, curve points; default <see cref="PlanOptions.Default"/>. The design's own allocation ratio is used.</param>
    /// <returns>The plan, named <c>outcome</c> (rename with <see cref="PlanResult.Named"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is missing or out of range; the exception names it.</exception>
    public static PlanResult Continuous(ContinuousDesign design, PlanOptions? options = null)
    {
        Guard.NotNull(design);
        var o = Check(options);
        if (design.Difference is not double difference)
        {
            throw new ArgumentException("must be set: the difference to plan for.", "design.Difference");
        }

        if (design.Treated is not null || design.Control is not null)
        {
            throw new ArgumentException("must be unset (null): a plan finds the sizes.", design.Treated is not null ? "design.Treated" : "design.Control");
        }

        var power = new PowerOptions
        {
            Alpha = o.Alpha, Alternative = o.Alternative, TargetPower = o.TargetPower, MaximumPerArm = o.MaximumPerArm, UpperLimitLevel = o.UpperLimitLevel,
        };
        var common = design with { TreatedStandardDeviation = null };
        string level = o.UpperLimitLevel.ToString();
        var specs = new List<ContinuousSpec>
        {
            new("student-t", "Student t", design.Pilot is null ? "noncentral t, the SD as stated" : "noncentral t, the pilot SD taken as known", true, common, power, true),
        };
        if (design.TreatedStandardDeviation is not null)
        {
            specs.Add(new("welch-t", "Welch t", "noncentral t at the Welch-Satterthwaite df, the arm SDs as given (an approximation)", false, design, power with { Test = PlannedTest.Welch }, true));
        }

        if (design.BaselineCorrelation is not null)
        {
            var ancova = power with { Test = PlannedTest.Ancova };
            specs.Add(new("ancova", "ANCOVA on baseline", "noncentral t with the design factor 1 - rho^2 (Borm et al. 2007; an approximation, optimistic at small n)", false, common, ancova, true));
            specs.Add(new("ancova-normal-baseline", "ANCOVA on baseline", "exact for a normal baseline: the chance baseline imbalance averaged", true, common, ancova with { Ancova = AncovaPower.RandomBaseline }, false));
        }

        var diagnostics = new List<Diagnostic>();
        bool upperLimit = design.Pilot is not null;
        if (design.Pilot is not null)
        {
            try
            {
                _ = Power.SdUpperLimit(design.Pilot, power);
            }
            catch (ArgumentOutOfRangeException e)
            {
                // A pilot SD near 1.8e308 whose upper limit is beyond double: the other rows are still planned.
                upperLimit = false;
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.IntervalUndefined, "no rows with the pilot SD's upper limit: " + WithoutParameter(e.Message)));
            }
        }

        if (design.Pilot is not null && upperLimit)
        {
            specs.Add(new("student-t-sd-upper-limit", "Student t", "the pilot SD's " + level + " upper limit (Browne 1995)", true, common, power with { Pilot = PilotMethod.SdUpperLimit }, true));
            if (design.BaselineCorrelation is not null)
            {
                specs.Add(new("ancova-sd-upper-limit", "ANCOVA on baseline", "design factor with the pilot SD's " + level + " upper limit", false, common,
                    power with { Test = PlannedTest.Ancova, Pilot = PilotMethod.SdUpperLimit }, false));
            }
        }

        if (design.Pilot is not null)
        {
            specs.Add(new("student-t-julious", "Student t", "Julious: the pilot SD's uncertainty carried by a noncentral t (an approximation)", false, common, power with { Pilot = PilotMethod.Julious }, true));
            specs.Add(new("student-t-expected-power", "Student t", "expected power over the pilot SD's uncertainty (quadrature)", true, common, power with { Pilot = PilotMethod.ExpectedPower }, false));
            specs.Add(new("student-t-assurance", "Student t", "assurance: averaged over the pilot's difference and SD (O'Hagan et al. 2005)", true, common, power with { Pilot = PilotMethod.Assurance }, true));
        }

        var results = new PowerResult[specs.Count];
        Each(specs.Count, i => results[i] = Power.SampleSize(specs[i].Design, specs[i].Options));
        var rows = specs.Select((s, i) => Row(s, results[i])).ToList();
        if (o.SimulationReplicates > 0)
        {
            Simulated(rows, design, difference, o);
        }

        int reached = results.Where(r => r.TargetReached == true).Select(r => r.SampleSizes.Control ?? r.SampleSizes.Treated).DefaultIfEmpty(20).Max();
        int max = (int)Math.Clamp(Math.Ceiling(reached * 1.25), 10, Math.Max(10, o.MaximumPerArm));
        var drawn = specs.Where(s => s.Drawn).ToArray();
        var curves = new PowerCurve[drawn.Length];
        Each(drawn.Length, i => curves[i] = Label(Power.Curve(drawn[i].Design, 2, max, drawn[i].Options, o.CurvePoints), drawn[i]));

        var assumptions = new List<string>
        {
            "difference " + ReportFormat.Number(difference) + (design.Pilot is { } p
                ? p.Difference == difference ? " (the pilot's estimate)" : " (stated; the pilot's estimate was " + ReportFormat.Number(p.Difference) + ")"
                : " (stated)"),
            (design.TreatedStandardDeviation is double s1 ? "SD " + ReportFormat.Number(s1) + " treated, " + ReportFormat.Number(design.StandardDeviation) + " control" : "SD " + ReportFormat.Number(design.StandardDeviation))
            + (design.Pilot is { } q && q.StandardDeviation == design.StandardDeviation ? " (the pilot's pooled SD, " + Guard.Format(q.DegreesOfFreedom) + " df)" : " (stated)"),
        };
        if (design.BaselineCorrelation is double rho)
        {
            assumptions.Add("baseline-follow-up correlation " + ReportFormat.Number(rho) + (design.Pilot?.BaselineCorrelation == rho ? " (the pilot's pooled within-arm estimate)" : " (stated)"));
        }

        if (design.Pilot is { } pilot)
        {
            assumptions.Add("pilot " + new SampleSizes(pilot.Treated, pilot.Control));
        }

        assumptions.Add("allocation " + ReportFormat.Number(design.AllocationRatio) + " treated per control");
        if (design.Pilot is { } est && est.Difference == difference)
        {
            diagnostics.Add(PilotDifferenceNote(est));
        }

        return new PlanResult(
            "outcome", null, false, EquatableArray.Create(assumptions.ToArray()), o.Alpha, o.Alternative, o.TargetPower, EquatableArray.Create(rows.ToArray()),
            EquatableArray.Create(curves), EquatableArray.Create(diagnostics.ToArray()));
    }

    /// <summary>The plan of a trial with a binary endpoint: every exact test and normal approximation of <see cref="BinaryPlannedTest"/> except Barnard's unpooled variant.</summary>
    /// <param name="design">The two event probabilities and the allocation ratio; its sizes must be unset.</param>
    /// <param name="options">α, alternative, target and <see cref="PlanOptions.BinaryMaximumPerArm"/>; default <see cref="PlanOptions.Default"/>. The design's own allocation ratio is used.</param>
    /// <returns>The plan, named <c>outcome</c> (rename with <see cref="PlanResult.Named"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="design"/> is null.</exception>
    /// <exception cref="ArgumentException">A value is missing or out of range; the exception names it.</exception>
    public static PlanResult Binary(BinaryDesign design, PlanOptions? options = null)
    {
        Guard.NotNull(design);
        var o = Check(options);
        Guard.InRange(o.BinaryMaximumPerArm, 2, BinaryPowerOptions.ExactMaximumPerArm, "options.BinaryMaximumPerArm");
        if (design.Treated is not null || design.Control is not null)
        {
            throw new ArgumentException("must be unset (null): a plan finds the sizes.", design.Treated is not null ? "design.Treated" : "design.Control");
        }

        int ceiling = (int)Math.Floor(BinaryPowerOptions.ExactMaximumPerArm / Math.Max(1, design.AllocationRatio) + 1e-9);
        int max = Math.Min(o.BinaryMaximumPerArm, ceiling);
        var power = new BinaryPowerOptions { Alpha = o.Alpha, Alternative = o.Alternative, TargetPower = o.TargetPower, MaximumPerArm = Math.Max(2, max) };
        var results = new BinaryPowerResult[BinaryTests.Length];
        Each(BinaryTests.Length, i => results[i] = Power.SampleSize(design, power with { Test = BinaryTests[i].Test }));
        var rows = new PlanRow[BinaryTests.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var r = results[i];
            bool exact = !r.Method.Contains("normal approximation", StringComparison.Ordinal);
            rows[i] = new PlanRow(
                BinaryTests[i].Key, BinaryTests[i].Name, exact ? "exact: binomial probabilities summed over the rejection region" : "normal approximation", r.Method, r.SampleSizes,
                r.Power, r.TargetReached == true, exact, r.StableSampleSizes, r.Size, conventions: r.Conventions, diagnostics: r.Diagnostics);
        }

        int reached = results.Where(r => r.TargetReached == true).Select(r => (r.StableSampleSizes ?? r.SampleSizes).Control ?? r.SampleSizes.Treated).DefaultIfEmpty(power.MaximumPerArm).Max();
        int shown = (int)Math.Clamp(Math.Ceiling(reached * 1.25), 10, power.MaximumPerArm);
        var curves = Enumerable.Range(0, results.Length)
            .Where(i => results[i].Curve.Count >= 2 && BinaryTests[i].Key is not ("chi-square-yates" or "arcsine"))
            .Select(i => new PowerCurve(
                BinaryTests[i].Name + (rows[i].Exact ? ", exact" : ", normal approximation"),
                EquatableArray.Create(results[i].Curve.AsImmutableArray().Where(c => c.Control <= shown).ToArray()), results[i].Alpha, results[i].Alternative, results[i].TargetPower))
            .ToArray();
        var assumptions = new[]
        {
            "event probabilities " + ReportFormat.Number(design.TreatedProportion) + " treated, " + ReportFormat.Number(design.ControlProportion)
            + " control (risk difference " + ReportFormat.Number(design.RiskDifference) + ")",
            "allocation " + ReportFormat.Number(design.AllocationRatio) + " treated per control; every control size from 2 to " + Guard.Format(power.MaximumPerArm) + " scanned",
        };
        return new PlanResult("outcome", null, true, EquatableArray.Create(assumptions), o.Alpha, o.Alternative, o.TargetPower, EquatableArray.Create(rows), EquatableArray.Create(curves));
    }

    /// <summary>
    /// The plans for every endpoint of a pilot study: a continuous endpoint from the pilot's difference and pooled SD (with
    /// the arm SDs for Welch's t and, when it has a baseline, the within-arm baseline correlation for ANCOVA); a binary one
    /// from the pilot's event proportions at follow-up. An endpoint that cannot be planned (a proportion of 0 or 1, an SD of
    /// 0, too few subjects) is listed in <see cref="PlanReport.NotPlanned"/> with the reason. Missing values are left out
    /// (complete cases) and reported on the plan.
    /// </summary>
    /// <param name="study">The pilot.</param>
    /// <param name="options">The plan's conventions; <see cref="PlanOptions.Difference"/> and the proportions replace the pilot's estimates.</param>
    /// <param name="outcomes">The endpoints to plan; null for all, in the study's order.</param>
    /// <param name="source">Where the pilot came from, for the report; null for "pilot study".</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="study"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or an outcome is unknown.</exception>
    public static PlanReport Study(Study study, PlanOptions? options = null, IEnumerable<string>? outcomes = null, string? source = null)
    {
        Guard.NotNull(study);
        var o = Check(options);
        ContinuousDesign.Positive(o.AllocationRatio, "options.AllocationRatio");
        if ((o.TreatedProportion is null) != (o.ControlProportion is null))
        {
            throw new ArgumentException("set both TreatedProportion and ControlProportion, or neither.", o.TreatedProportion is null ? "options.TreatedProportion" : "options.ControlProportion");
        }

        var names = (outcomes ?? study.Outcomes.Select(x => x.Name)).Select(n => study.Outcome(n).Name).ToArray();
        var plans = new List<PlanResult>();
        var skipped = new List<PlanSkip>();
        foreach (string name in names)
        {
            try
            {
                plans.Add(Outcome(study, name, o));
            }
            catch (Exception e) when (e is AssumptionException or ArgumentException)
            {
                skipped.Add(new PlanSkip(name, WithoutParameter(e.Message)));
            }
        }

        return new PlanReport("Trial plan", source ?? "pilot study", EquatableArray.Create(plans.ToArray()), EquatableArray.Create(skipped.ToArray()));
    }

    private static PlanResult Outcome(Study study, string name, PlanOptions o)
    {
        var info = study.Outcome(name);
        var kind = study.KindOf(name);
        var diagnostics = new List<Diagnostic>();
        if (kind is OutcomeKind.Binary or OutcomeKind.PairedBinary)
        {
            var sample = study.Binary(name, kind == OutcomeKind.PairedBinary ? TimePoint.FollowUp : null, MissingDataPolicy.CompleteCases);
            AddMissing(diagnostics, sample.Missing.ToDiagnostic(sample.Arms));
            BinaryDesign binaryDesign;
            string from;
            if (o.TreatedProportion is double p1 && o.ControlProportion is double p2)
            {
                binaryDesign = new BinaryDesign(p1, p2);
                from = "stated; the pilot had " + Counts(sample);
            }
            else
            {
                double q1 = (double)sample.TreatedEvents / sample.TreatedTotal, q2 = (double)sample.ControlEvents / sample.ControlTotal;
                if (!(q1 > 0 && q1 < 1 && q2 > 0 && q2 < 1))
                {
                    throw new ArgumentException(
                        "the pilot's proportions are " + Counts(sample) + "; a proportion of 0 or 1 cannot plan a trial, so state the proportions to plan for (PlanOptions.TreatedProportion and ControlProportion; --p-treated and --p-control).",
                        nameof(study));
                }

                binaryDesign = new BinaryDesign(q1, q2);
                from = "the pilot's: " + Counts(sample);
            }

            var plan = Binary(binaryDesign with { AllocationRatio = o.AllocationRatio }, o);
            return new PlanResult(
                info.Name, info.Unit, true, EquatableArray.Create(plan.Assumptions.AsImmutableArray().Insert(1, "proportions " + from).ToArray()), plan.Alpha, plan.Alternative,
                plan.TargetPower, plan.Rows, plan.Curves, EquatableArray.Create(plan.Diagnostics.Concat(diagnostics).ToArray()));
        }

        PilotEstimate pilot;
        double? treatedSd, controlSd;
        if (kind == OutcomeKind.PairedContinuous)
        {
            var followUp = study.Continuous(name, TimePoint.FollowUp, MissingDataPolicy.CompleteCases);
            try
            {
                var baseline = study.Baseline(name);
                pilot = PilotEstimate.From(baseline);
                diagnostics.AddRange(baseline.Diagnostics);
            }
            catch (Exception e) when (e is AssumptionException or ArgumentException)
            {
                pilot = PilotEstimate.From(followUp);
                AddMissing(diagnostics, followUp.Missing.ToDiagnostic(followUp.Arms));
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.IntervalUndefined, "no baseline correlation, so no ANCOVA rows: " + e.Message));
            }

            (treatedSd, controlSd) = ArmSds(followUp, diagnostics);
        }
        else
        {
            var sample = study.Continuous(name, null, MissingDataPolicy.CompleteCases);
            AddMissing(diagnostics, sample.Missing.ToDiagnostic(sample.Arms));
            pilot = PilotEstimate.From(sample);
            (treatedSd, controlSd) = ArmSds(sample, diagnostics);
        }

        var design = ContinuousDesign.FromPilot(pilot) with { AllocationRatio = o.AllocationRatio };
        if (o.Difference is double d)
        {
            design = design with { Difference = d };
        }

        var result = Continuous(design, o);
        if (treatedSd is double s1 && controlSd is double s2)
        {
            // Welch's row from the arm SDs, placed after Student's.
            var welchOptions = new PowerOptions
            {
                Test = PlannedTest.Welch, Alpha = o.Alpha, Alternative = o.Alternative, TargetPower = o.TargetPower, MaximumPerArm = o.MaximumPerArm,
            };
            var welch = Power.SampleSize(new ContinuousDesign(s2) { Difference = design.Difference, TreatedStandardDeviation = s1, AllocationRatio = design.AllocationRatio }, welchOptions);
            var row = Row(new ContinuousSpec("welch-t", "Welch t", "noncentral t at the Welch-Satterthwaite df, the pilot's arm SDs " + ReportFormat.Number(s1) + " (treated) and " + ReportFormat.Number(s2) + " (control); an approximation", false, design, welchOptions, false), welch);
            var rows = result.Rows.AsImmutableArray().Insert(1, row);
            result = new PlanResult(
                info.Name, info.Unit, false, result.Assumptions, result.Alpha, result.Alternative, result.TargetPower, EquatableArray.Create(rows.ToArray()), result.Curves,
                EquatableArray.Create(result.Diagnostics.Concat(diagnostics).ToArray()));
            return result;
        }

        return new PlanResult(
            info.Name, info.Unit, false, result.Assumptions, result.Alpha, result.Alternative, result.TargetPower, result.Rows, result.Curves,
            EquatableArray.Create(result.Diagnostics.Concat(diagnostics).ToArray()));
    }

    /// <summary>
    /// The rows of tests without a power formula, by simulation at another row's sizes: Wilcoxon-Mann-Whitney at Student's n
    /// from normal arms, and the ANCOVA randomization test at the ANCOVA n from a bivariate normal baseline and follow-up,
    /// each with its Monte Carlo error in the basis. The row's target is "reached" when the estimate reaches it.
    /// </summary>
    private static void Simulated(List<PlanRow> rows, ContinuousDesign design, double difference, PlanOptions o)
    {
        if (difference == 0)
        {
            return;
        }

        // Power depends on the difference and the SD only through their ratio, so the trials are drawn in the power-of-two unit
        // 2^k of the larger (k = 0 within [2^-400, 2^400], the same draws as unscaled): exactly the same trials divided by
        // 2^k, whose regressions and ranks cannot overflow for an SD near 1.8e308.
        int k = ArmMoments.ExponentFor(Math.Max(Math.Abs(difference), design.StandardDeviation));
        double sd = Math.ScaleB(design.StandardDeviation, -k);
        difference = Math.ScaleB(difference, -k);
        var sims = new List<(string Key, string Test, PlanRow At, SimulationSpec Spec)>();
        if (rows.FirstOrDefault(r => r.Key == "student-t") is { TargetReached: true } student && student.SampleSizes.Control is int c2 && c2 <= 2_000)
        {
            var normal = Simulation.SimulatedDesign.Normal(student.SampleSizes.Treated, c2, difference, 0, sd, sd);
            sims.Add(("wilcoxon-simulated", "Wilcoxon-Mann-Whitney", student, new SimulationSpec(normal, SimulatedMethod.WilcoxonMannWhitney, o.SimulationReplicates)
            {
                Alpha = o.Alpha, Alternative = o.Alternative,
            }));
        }

        if (design.BaselineCorrelation is double rho && rows.FirstOrDefault(r => r.Key == "ancova") is { TargetReached: true } ancova && ancova.SampleSizes.Control is int a2 && a2 <= 200)
        {
            var baseline = Simulation.SimulatedDesign.Baseline(ancova.SampleSizes.Treated, a2, difference, 0, sd, rho);
            sims.Add(("ancova-randomization-simulated", "ANCOVA randomization test", ancova, new SimulationSpec(baseline, SimulatedMethod.AncovaRandomization, o.SimulationReplicates)
            {
                Alpha = o.Alpha, Alternative = o.Alternative,
            }));
        }

        foreach (var (key, test, at, spec) in sims)
        {
            var r = Simulate.Run(spec, new SimulationOptions(o.Seed));
            if (r.Estimate is not double power)
            {
                continue;
            }

            string basis = "simulated at the sizes of the " + at.Test + " row (" + (at.Key == "ancova" ? "design factor" : "SD known") + "): " + r.Replicates.ToString(CultureInfo.InvariantCulture)
                           + " trials from normal data at the planned difference and SD, seed " + o.Seed.ToString(CultureInfo.InvariantCulture) + ", MC SE " + ReportFormat.Number(r.MonteCarloStandardError ?? 0);
            int index = rows.IndexOf(at) + 1;
            rows.Insert(index, new PlanRow(key, test, basis, r.Method, at.SampleSizes, power, power >= o.TargetPower, exact: false, diagnostics: r.Diagnostics));
        }
    }

    /// <summary>Runs the independent calculations in parallel; a failure surfaces as the calculation's own exception (the first by index), not an AggregateException.</summary>
    private static void Each(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }

    private static string WithoutParameter(string message)
    {
        int i = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    /// <summary>
    /// The pilot's arm SDs for Welch's row, from the arms' moments in their power-of-two unit (so SDs up to 1.8e308 are kept
    /// where the variances are beyond double); none when an arm has SD 0, or, with a warning, when an SD is beyond double.
    /// </summary>
    private static (double?, double?) ArmSds(ContinuousSample sample, List<Diagnostic> diagnostics)
    {
        var m = TwoArmMoments.From(sample, "the arm SDs");
        if (!(m.Treated.ScaledVariance > 0 && m.Control.ScaledVariance > 0))
        {
            return (null, null);
        }

        double treated = Math.ScaleB(Math.Sqrt(m.Treated.ScaledVariance), m.Exponent), control = Math.ScaleB(Math.Sqrt(m.Control.ScaledVariance), m.Exponent);
        if (double.IsFinite(treated) && double.IsFinite(control))
        {
            return (treated, control);
        }

        diagnostics.Add(Diagnostic.Warning(
            DiagnosticCodes.IntervalUndefined,
            "no Welch row: an arm SD of the pilot is beyond double precision (1.8e308); rescale the data (e.g. change its unit) for it"));
        return (null, null);
    }

    private static void AddMissing(List<Diagnostic> diagnostics, Diagnostic? missing)
    {
        if (missing is not null)
        {
            diagnostics.Add(missing);
        }
    }

    private static string Counts(BinarySample s)
        => Guard.Format(s.TreatedEvents) + "/" + Guard.Format(s.TreatedTotal) + " (" + s.Arms.Treated + ") vs " + Guard.Format(s.ControlEvents) + "/" + Guard.Format(s.ControlTotal) + " (" + s.Arms.Control + ")";

    private static Diagnostic PilotDifferenceNote(PilotEstimate pilot)
    {
        double t = StudentT.InvCDF(0, 1, pilot.DegreesOfFreedom, 0.975);
        double se = pilot.DifferenceStandardError;

        // A limit of data near ±1.8e308 can leave double precision: it is said to lie beyond, never printed as "inf".
        static string Limit(double x) => double.IsFinite(x) ? ReportFormat.Number(x) : x > 0 ? "above 1.8e308" : "below -1.8e308";
        return Diagnostic.Info(
            DiagnosticCodes.PilotDifference,
            "the plan is for the pilot's own estimate of the difference, " + ReportFormat.Number(pilot.Difference) + " (95% CI " + Limit(pilot.Difference - t * se)
            + " to " + Limit(pilot.Difference + t * se) + "): at pilot size it is imprecise, and pilots that go on to a main trial tend to be those that overestimated it. "
            + "Plan for the smallest clinically important difference (PlanOptions.Difference, --difference) and read the assurance row.");
    }

    private static PlanRow Row(ContinuousSpec spec, PowerResult r)
        => new(spec.Key, spec.Test, spec.Basis, r.Method, r.SampleSizes, r.Power, r.TargetReached == true, spec.Exact, standardDeviation: r.StandardDeviation,
            conventions: r.Conventions, diagnostics: r.Diagnostics);

    private static PowerCurve Label(PowerCurve curve, ContinuousSpec spec)
        => new(spec.Short, curve.Points, curve.Alpha, curve.Alternative, curve.TargetPower);

    private static PlanOptions Check(PlanOptions? options)
    {
        var o = options ?? PlanOptions.Default;
        Guard.OpenInterval(o.Alpha.Value, 0, 1, "options.Alpha");
        Guard.Defined(o.Alternative, "options.Alternative");
        Guard.OpenInterval(o.TargetPower, 0, 1, "options.TargetPower");
        Guard.AtLeast(o.MaximumPerArm, 2, "options.MaximumPerArm");
        Guard.AtLeast(o.CurvePoints, 2, "options.CurvePoints");
        if (o.Difference is double d)
        {
            Guard.Finite(d, "options.Difference");
        }

        return o;
    }

    private sealed record ContinuousSpec(string Key, string Test, string Basis, bool Exact, ContinuousDesign Design, PowerOptions Options, bool Drawn)
    {
        public string Short => Test + ", " + Key switch
        {
            "student-t" => "SD known",
            "welch-t" => "arm SDs",
            "ancova" => "design factor",
            "ancova-normal-baseline" => "normal baseline",
            "student-t-sd-upper-limit" or "ancova-sd-upper-limit" => "SD upper limit",
            "student-t-julious" => "Julious",
            "student-t-expected-power" => "expected power",
            _ => "assurance",
        };
    }
}
