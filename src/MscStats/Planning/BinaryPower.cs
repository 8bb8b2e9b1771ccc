using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Planning;

/// <summary>The binary verbs of <see cref="Power"/>: validation, the scan over n and the result.</summary>
internal static class BinaryPower
{
    public static BinaryPowerResult Compute(BinaryDesign design, BinaryPowerOptions? options)
    {
        var (o, kernel, p1, p2) = Resolve(design, options);
        if (design.Treated is not int n1 || design.Control is not int n2)
        {
            throw new ArgumentException("both arm sizes must be set.", design.Treated is null ? "design.Treated" : "design.Control");
        }

        Guard.AtLeast(n1, 1, "design.Treated");
        Guard.AtLeast(n2, 1, "design.Control");
        if (kernel.IsExact)
        {
            Guard.InRange(n1, 1, BinaryPowerOptions.ExactMaximumPerArm, "design.Treated");
            Guard.InRange(n2, 1, BinaryPowerOptions.ExactMaximumPerArm, "design.Control");
        }

        var (power, size) = kernel.Evaluate(n1, n2, p1, p2, withSize: true);
        var diagnostics = EffectNotes(o, kernel, p1, p2, power, size).ToList();
        return new BinaryPowerResult(
            kernel.Name("power"), power, p1, p2, o.Alpha, o.Alternative, new SampleSizes(n1, n2), size,
            conventions: EquatableArray.Create(kernel.Conventions(false, 1).ToArray()), diagnostics: EquatableArray.Create(diagnostics.ToArray()));
    }

    public static BinaryPowerResult SampleSize(BinaryDesign design, BinaryPowerOptions? options)
    {
        var (o, kernel, p1, p2) = Resolve(design, options);
        double target = Guard.OpenInterval(o.TargetPower, 0, 1, "options.TargetPower");
        double ratio = design.AllocationRatio;
        if (!(ratio > 0 && double.IsFinite(ratio)))
        {
            throw new ArgumentOutOfRangeException("design.AllocationRatio", ratio, "must be positive and finite, not " + Guard.Format(ratio) + ".");
        }

        if (design.Treated is not null || design.Control is not null)
        {
            throw new ArgumentException("must be unset (null) for a sample-size search; the search finds the sizes.", design.Treated is not null ? "design.Treated" : "design.Control");
        }

        int max = Guard.AtLeast(o.MaximumPerArm, 2, "options.MaximumPerArm");
        int Treated(int n2) => Math.Max(1, (int)Math.Ceiling(ratio * n2 - 1e-9));
        if (kernel.IsExact && (max > BinaryPowerOptions.ExactMaximumPerArm || Treated(max) > BinaryPowerOptions.ExactMaximumPerArm))
        {
            throw new ArgumentOutOfRangeException("options.MaximumPerArm", max,
                "must keep both arms at most " + Guard.Format(BinaryPowerOptions.ExactMaximumPerArm) + " for an exact test (treated " + Guard.Format(Treated(max))
                + " at the maximum); plan larger trials with a normal approximation.");
        }

        var curve = new PowerCurvePoint[max - 1];
        for (int n2 = 2; n2 <= max; n2++)
        {
            curve[n2 - 2] = new PowerCurvePoint(Treated(n2), n2, kernel.Evaluate(Treated(n2), n2, p1, p2, withSize: false).Power);
        }

        int first = Array.FindIndex(curve, c => c.Power >= target);
        int stable = curve.Length;
        while (stable > 0 && curve[stable - 1].Power >= target)
        {
            stable--;
        }

        bool reached = first >= 0;
        int chosen = reached ? first : BestIndex(curve);
        var at = curve[chosen];
        double? size = kernel.IsExact ? kernel.Evaluate(at.Treated, at.Control, p1, p2, withSize: true).Size : null;
        var diagnostics = EffectNotes(o, kernel, p1, p2, null, null).ToList();
        if (!reached)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TargetNotReached, NotReachedReason(o, kernel, p1, p2, target, at, max)));
        }
        else if (stable == curve.Length)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.PowerNotMonotone,
                "the power first reaches " + ReportFormat.Number(target) + " at " + new SampleSizes(at.Treated, at.Control) + " but is below it again at the maximum searched, "
                + new SampleSizes(curve[^1].Treated, curve[^1].Control) + " (" + ReportFormat.Number(curve[^1].Power) + "), so no size keeps it there up to the maximum; raise options.MaximumPerArm."));
        }
        else if (stable > first)
        {
            var dips = curve.Skip(first).Take(stable - first).Where(c => c.Power < target).ToList();
            var lowest = dips.MinBy(c => c.Power)!;
            diagnostics.Add(Diagnostic.Info(DiagnosticCodes.PowerNotMonotone,
                "the exact power is not monotone in n (a saw-tooth): it first reaches " + ReportFormat.Number(target) + " at " + new SampleSizes(at.Treated, at.Control)
                + " but falls below it again at " + dips.Count.ToString(CultureInfo.InvariantCulture) + " larger control size(s), lowest " + ReportFormat.Number(lowest.Power)
                + " at " + new SampleSizes(lowest.Treated, lowest.Control) + "; it stays at or above the target from " + new SampleSizes(curve[stable].Treated, curve[stable].Control)
                + " up to the maximum searched."));
        }

        if (size is double s && s > o.Alpha.Value * (1 + 1e-9))
        {
            diagnostics.Add(SizeNote(s, o));
        }

        PowerCurvePoint? stablePoint = stable < curve.Length ? curve[stable] : null;
        return new BinaryPowerResult(
            kernel.Name("sample size"), at.Power, p1, p2, o.Alpha, o.Alternative, new SampleSizes(at.Treated, at.Control), size, target, reached,
            stablePoint is null ? null : new SampleSizes(stablePoint.Treated, stablePoint.Control), stablePoint?.Power, EquatableArray.Create(curve),
            EquatableArray.Create(kernel.Conventions(true, ratio).ToArray()), EquatableArray.Create(diagnostics.ToArray()));
    }

    private static int BestIndex(PowerCurvePoint[] curve)
    {
        int best = 0;
        for (int i = 1; i < curve.Length; i++)
        {
            best = curve[i].Power > curve[best].Power ? i : best;
        }

        return best;
    }

    private static (BinaryPowerOptions Options, BinaryPowerKernel Kernel, double P1, double P2) Resolve(BinaryDesign design, BinaryPowerOptions? options)
    {
        Guard.NotNull(design);
        var o = options ?? BinaryPowerOptions.Default;
        Guard.Defined(o.Test, "options.Test");
        Guard.Defined(o.Alternative, "options.Alternative");
        Guard.Defined(o.TwoSidedPower, "options.TwoSidedPower");
        Guard.OneOf(o.TwoSided, "options.TwoSided", TwoSidedRule.MinimumLikelihood, TwoSidedRule.Central, TwoSidedRule.Blaker);
        Guard.OpenInterval(o.Alpha.Value, 0, 1, "options.Alpha");
        double p1 = Guard.OpenInterval(design.TreatedProportion, 0, 1, "design.TreatedProportion");
        double p2 = Guard.OpenInterval(design.ControlProportion, 0, 1, "design.ControlProportion");
        Guard.OpenInterval(o.RiskDifferenceMargin, -1, 1, "options.RiskDifferenceMargin");
        if (o.RiskDifferenceMargin != 0 && o.Test != BinaryPlannedTest.UnconditionalRiskDifference)
        {
            throw new ArgumentException("is used by the UnconditionalRiskDifference test only; " + o.Test + " tests p1 - p2 = 0.", "options.RiskDifferenceMargin");
        }

        if (o.MidP && o.Test != BinaryPlannedTest.Fisher)
        {
            throw new ArgumentException("applies to Fisher's test only, not " + o.Test + ".", "options.MidP");
        }

        return (o, new BinaryPowerKernel(o), p1, p2);
    }

    private static Diagnostic SizeNote(double size, BinaryPowerOptions o)
        => Diagnostic.Warning(DiagnosticCodes.SizeAboveAlpha,
            "the test's actual size " + ReportFormat.Number(size) + " exceeds alpha " + ReportFormat.Number(o.Alpha.Value)
            + (o.MidP ? " (a mid-p test is not a valid level-alpha test)." : "."));

    private static IEnumerable<Diagnostic> EffectNotes(BinaryPowerOptions o, BinaryPowerKernel kernel, double p1, double p2, double? power, double? size)
    {
        double effect = Effect(p1, p2, kernel);
        if (effect == 0)
        {
            string where = kernel.Margin == 0 ? "the treated and control proportions are equal" : "the risk difference equals the null value " + ReportFormat.Number(kernel.Margin);
            string text = where + ", so the power is the probability of rejecting a true null"
                + (power is double p ? " (" + ReportFormat.Number(p) + ")" : string.Empty)
                + (kernel.IsExact
                    ? ", at most the test's actual size" + (size is double s ? " " + ReportFormat.Number(s) : string.Empty) + ", which is at most alpha for a valid exact test"
                    : ", the approximation's nominal alpha")
                + "; no sample size raises it.";
            yield return Diagnostic.Info(DiagnosticCodes.ZeroEffect, text);
        }
        else if ((o.Alternative == Alternative.Greater && effect < 0) || (o.Alternative == Alternative.Less && effect > 0))
        {
            yield return Diagnostic.Warning(DiagnosticCodes.EffectOppositeAlternative,
                "the risk difference " + ReportFormat.Number(p1 - p2) + " lies opposite to the one-sided alternative '" + TestResult.AlternativeText(o.Alternative)
                + "', so the power is below alpha.");
        }

        if (size is double sz && sz > o.Alpha.Value * (1 + 1e-9))
        {
            yield return SizeNote(sz, o);
        }
    }

    /// <summary>p₁ − p₂ − Δ₀, with differences below 1e-12 (rounding, e.g. 0.5 − 0.7 + 0.2) taken as 0.</summary>
    private static double Effect(double p1, double p2, BinaryPowerKernel kernel)
    {
        double effect = p1 - p2 - kernel.Margin;
        return Math.Abs(effect) <= 1e-12 ? 0 : effect;
    }

    private static string NotReachedReason(BinaryPowerOptions o, BinaryPowerKernel kernel, double p1, double p2, double target, PowerCurvePoint best, int max)
    {
        string head = "the target power " + ReportFormat.Number(target) + " is not reached at any control size from 2 to the maximum of "
                      + max.ToString(CultureInfo.InvariantCulture) + "; the best found is " + ReportFormat.Number(best.Power) + " at " + new SampleSizes(best.Treated, best.Control);
        double effect = Effect(p1, p2, kernel);
        if (effect == 0 || (o.Alternative == Alternative.Greater && effect < 0) || (o.Alternative == Alternative.Less && effect > 0))
        {
            return head + ". The proportions give no power beyond the test's size in the tested direction.";
        }

        return head + "; raise options.MaximumPerArm or plan for a larger difference.";
    }
}
