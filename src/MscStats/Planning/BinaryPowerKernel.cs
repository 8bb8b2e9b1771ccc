using System;
using System.Collections.Generic;
using MathNet.Numerics.Distributions;
using MscStats.Internal.Unconditional;
using MscStats.Results;

namespace MscStats.Planning;

/// <summary>
/// The power function of one resolved binary plan: the planned test with its α, alternative and conventions. Exact tests
/// build their rejection region once per arm sizes (<see cref="LevelRegion"/>) and sum binomial probabilities over it;
/// the normal approximations are closed forms. Every binary verb of <see cref="Power"/> evaluates it. Not thread safe.
/// </summary>
internal sealed class BinaryPowerKernel
{
    /// <summary>Fisher's default relative tolerance for equal probabilities (<c>FisherOptions.RelativeTolerance</c>).</summary>
    private const double FisherTolerance = 1e-7;

    /// <summary>The unconditional tests' default relative tolerance for tied statistics (<c>UnconditionalOptions.RelativeTolerance</c>).</summary>
    private const double UnconditionalTolerance = 1e-9;

    private readonly BinaryPowerOptions _o;

    public BinaryPowerKernel(BinaryPowerOptions options) => _o = options;

    public bool IsExact => _o.Test is not (BinaryPlannedTest.NormalPooled or BinaryPlannedTest.NormalPooledCorrected or BinaryPlannedTest.NormalArcsine);

    /// <summary>The null risk difference Δ₀ of the planned test.</summary>
    public double Margin => _o.Test == BinaryPlannedTest.UnconditionalRiskDifference ? _o.RiskDifferenceMargin : 0;

    /// <summary>The rejection region of an exact test at these sizes.</summary>
    public LevelRegion Region(int n1, int n2)
    {
        double alpha = _o.Alpha.Value;
        return _o.Test switch
        {
            BinaryPlannedTest.Fisher => LevelRegion.Fisher(n1, n2, alpha, _o.Alternative, _o.TwoSided, _o.MidP, FisherTolerance),
            BinaryPlannedTest.BarnardPooled => LevelRegion.Barnard(n1, n2, alpha, _o.Alternative, pooled: true, UnconditionalTolerance),
            BinaryPlannedTest.BarnardUnpooled => LevelRegion.Barnard(n1, n2, alpha, _o.Alternative, pooled: false, UnconditionalTolerance),
            BinaryPlannedTest.Boschloo => LevelRegion.Boschloo(n1, n2, alpha, _o.Alternative, UnconditionalTolerance),
            BinaryPlannedTest.UnconditionalRiskDifference => LevelRegion.RiskDifference(n1, n2, alpha, _o.Alternative, _o.RiskDifferenceMargin),
            _ => throw new InvalidOperationException("not an exact test: " + _o.Test),
        };
    }

    /// <summary>The power at (p₁, p₂) and, for an exact test, its actual size.</summary>
    public (double Power, double? Size) Evaluate(int n1, int n2, double p1, double p2, bool withSize)
    {
        if (!IsExact)
        {
            return (Approximate(n1, n2, p1, p2), null);
        }

        var region = Region(n1, n2);
        double power = region.Power(p1, p2);
        double? size = !withSize ? null
            : _o.Test == BinaryPlannedTest.UnconditionalRiskDifference ? region.Size(_o.RiskDifferenceMargin) : region.Size().Size;
        return (power, size);
    }

    /// <summary>
    /// The normal approximations: Φ((d − c − z·σ₀)/σ₁) for the effect's tail d = ±(p₁ − p₂), with σ₀ the pooled SE
    /// √(p̄(1 − p̄)(1/n₁ + 1/n₂)), σ₁ the unpooled SE and c the continuity correction; on the arcsine scale Φ(±h·√(n₁n₂/(n₁ + n₂)) − z).
    /// </summary>
    private double Approximate(int n1, int n2, double p1, double p2)
    {
        double alpha = _o.Alpha.Value;
        bool twoSided = _o.Alternative == Alternative.TwoSided;
        double z = Normal.InvCDF(0, 1, twoSided ? 1 - alpha / 2 : 1 - alpha);
        Func<double, double> tail;
        double delta;
        if (_o.Test == BinaryPlannedTest.NormalArcsine)
        {
            double scale = Math.Sqrt((double)n1 * n2 / (n1 + n2));
            delta = 2 * Math.Asin(Math.Sqrt(p1)) - 2 * Math.Asin(Math.Sqrt(p2));
            tail = d => Normal.CDF(0, 1, d * scale - z);
        }
        else
        {
            double pBar = (n1 * p1 + n2 * p2) / (n1 + n2);
            double k = 1.0 / n1 + 1.0 / n2;
            double sigma0 = Math.Sqrt(pBar * (1 - pBar) * k);
            double sigma1 = Math.Sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
            double correction = _o.Test == BinaryPlannedTest.NormalPooledCorrected ? k / 2 : 0;
            delta = p1 - p2;
            tail = d => Normal.CDF(0, 1, (d - correction - z * sigma0) / sigma1);
        }

        double power = _o.Alternative switch
        {
            Alternative.Greater => tail(delta),
            Alternative.Less => tail(-delta),
            _ => _o.TwoSidedPower == TwoSidedPower.BothTails ? tail(delta) + tail(-delta) : tail(Math.Abs(delta)),
        };
        return Math.Clamp(power, 0, 1);
    }

    public string Name(string quantity)
    {
        string test = _o.Test switch
        {
            BinaryPlannedTest.Fisher => "Fisher's exact test" + (_o.MidP ? " (mid-p)" : string.Empty),
            BinaryPlannedTest.BarnardPooled => "Barnard's exact test (pooled Wald)",
            BinaryPlannedTest.BarnardUnpooled => "Barnard's exact test (unpooled Wald)",
            BinaryPlannedTest.Boschloo => "Boschloo's exact test",
            BinaryPlannedTest.UnconditionalRiskDifference => "exact unconditional risk-difference score test",
            BinaryPlannedTest.NormalPooled => "pooled z test",
            BinaryPlannedTest.NormalPooledCorrected => "continuity-corrected pooled z test",
            _ => "arcsine z test",
        };
        return test + " " + quantity + (IsExact ? ", exact binomial enumeration" : ", normal approximation");
    }

    public IEnumerable<Convention> Conventions(bool search, double allocation)
    {
        yield return new Convention(ConventionNames.Distribution, IsExact
            ? "exact: binomial probabilities summed over the test's rejection region at level alpha (p <= alpha)"
            : "normal approximation (not exact)");
        switch (_o.Test)
        {
            case BinaryPlannedTest.Fisher:
                yield return new Convention(ConventionNames.TwoSided, _o.Alternative == Alternative.TwoSided ? RuleName(_o.TwoSided) : "not applicable (one-sided)");
                yield return new Convention("mid-p", _o.MidP ? "yes" : "no");
                break;
            case BinaryPlannedTest.BarnardPooled or BinaryPlannedTest.BarnardUnpooled or BinaryPlannedTest.Boschloo:
                yield return new Convention("nuisance", "supremum over [0, 1], guaranteed to a relative 1e-9 (no Berger-Boos restriction)");
                yield return new Convention(ConventionNames.Ties, "statistics within 1e-9 relative count as equally extreme");
                if (_o.Test == BinaryPlannedTest.Boschloo && _o.Alternative == Alternative.TwoSided)
                {
                    yield return new Convention(ConventionNames.TwoSided, "twice the smaller one-sided p-value (scipy)");
                }

                break;
            case BinaryPlannedTest.UnconditionalRiskDifference:
                yield return new Convention("null", "p1 - p2 = " + ReportFormat.Number(_o.RiskDifferenceMargin));
                yield return new Convention(ConventionNames.Statistic, "score statistic with the restricted MLE (Farrington-Manning), supremum over the null by a 1000-point grid with golden-section refinement");
                if (_o.Alternative == Alternative.TwoSided)
                {
                    yield return new Convention(ConventionNames.TwoSided, "each one-sided test at alpha/2 (the Chan-Zhang interval excludes the null)");
                }

                break;
            default:
                yield return new Convention(ConventionNames.Variance, _o.Test == BinaryPlannedTest.NormalArcsine
                    ? "arcsine scale: h = 2 asin sqrt(p1) - 2 asin sqrt(p2), variance 1/n1 + 1/n2"
                    : "pooled p = (n1 p1 + n2 p2)/(n1 + n2) under the null, unpooled under the alternative"
                      + (_o.Test == BinaryPlannedTest.NormalPooledCorrected ? "; continuity correction (1/n1 + 1/n2)/2" : string.Empty));
                if (_o.Alternative == Alternative.TwoSided)
                {
                    yield return new Convention(ConventionNames.TwoSided, _o.TwoSidedPower == TwoSidedPower.BothTails
                        ? "both rejection tails count (power.prop.test strict = TRUE, statsmodels)"
                        : "only the effect's tail counts (power.prop.test default strict = FALSE)");
                }

                break;
        }

        if (search)
        {
            yield return new Convention(ConventionNames.Allocation, "n1 = ceiling(" + ReportFormat.Number(allocation) + " * n2), at least 1");
            yield return new Convention(ConventionNames.Algorithm, "every control size n2 from 2 to " + _o.MaximumPerArm.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " evaluated (exact power is not monotone in n)");
        }
    }

    private static string RuleName(TwoSidedRule rule) => rule switch
    {
        TwoSidedRule.MinimumLikelihood => "minimum likelihood",
        TwoSidedRule.Central => "central",
        _ => "Blaker",
    };
}
