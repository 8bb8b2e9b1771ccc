using System;
using System.Collections.Generic;
using System.Threading;
using MscStats.Data;
using MscStats.Internal.Numerics;
using MscStats.Internal.Unconditional;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Exact;

/// <summary>The supremum over the nuisance probability shared by Barnard's and Boschloo's tests.</summary>
internal static class UnconditionalEngine
{
    public static TestResult Run(
        BinarySample sample, UnconditionalOptions options, string test, string statisticName, Func<int, int, double> statistic,
        bool largerIsExtreme, bool orientedStatistic, double[,]? hypergeometric = null, double stopAbove = double.PositiveInfinity,
        Func<int, double, double, (int Top, int Bottom)>? marginRuns = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(options);
        Guard.Defined(options.Alternative, "options.Alternative");
        Guard.Defined(options.Search, "options.Search");
        if (!(options.RelativeTolerance >= 0 && options.RelativeTolerance <= 1e-3))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RelativeTolerance, "RelativeTolerance must be in [0, 1e-3].");
        }

        if (options.GridPoints < 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.GridPoints, "GridPoints must be >= 10.");
        }

        if (options.BergerBoosGamma is double g && !(g > 0 && g < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), g, "BergerBoosGamma must be in (0, 0.5).");
        }

        int n1 = sample.TreatedTotal, n2 = sample.ControlTotal;
        double observed = statistic(sample.TreatedEvents, sample.ControlEvents);
        double tol = double.IsFinite(observed) ? options.RelativeTolerance * Math.Max(Math.Abs(observed), 1e-300) : 0;
        var alternative = options.Alternative;
        bool IsExtreme(double t) => orientedStatistic
            ? alternative switch
            {
                Alternative.Greater => t >= observed - tol,
                Alternative.Less => t <= observed + tol,
                _ => Math.Abs(t) >= Math.Abs(observed) - tol,
            }
            : largerIsExtreme ? t >= observed - tol : t <= observed + tol;

        RejectionRegion region;
        if (marginRuns is not null)
        {
            // A statistic increasing with x₁ on each margin: top run Z ≥ observed − tol, bottom run Z ≤ observed + tol
            // (two-sided: |Z| ≥ |observed| − tol); the caller's closed form gives the walks' starting points.
            double top = alternative == Alternative.TwoSided ? Math.Abs(observed) - tol : observed - tol;
            double bottom = alternative == Alternative.TwoSided ? -(Math.Abs(observed) - tol) : observed + tol;
            region = RejectionRegion.FromMarginRuns(n1, n2, (x1, x2) => IsExtreme(statistic(x1, x2)), alternative, m => marginRuns(m, top, bottom));
        }
        else
        {
            var extreme = new bool[n1 + 1, n2 + 1];
            for (int x1 = 0; x1 <= n1; x1++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int x2 = 0; x2 <= n2; x2++)
                {
                    extreme[x1, x2] = IsExtreme(statistic(x1, x2));
                }
            }

            region = new RejectionRegion(extreme, hypergeometric ?? HypergeometricTerms.Table(n1, n2), n1, n2);
        }

        double lo = 1e-12, hi = 1 - 1e-12;
        if (options.BergerBoosGamma is double gamma)
        {
            int m = sample.TreatedEvents + sample.ControlEvents, n = n1 + n2;
            var (low, high) = BinomialLimits.ClopperPearson(m, n, gamma);
            lo = Math.Max(lo, low);
            hi = Math.Min(hi, high);
        }

        var (p, argmax) = options.Search == NuisanceSearch.Guaranteed
            ? NuisanceSupremum.Guaranteed(region, lo, hi, options.GridPoints, stopAbove, progress, cancellationToken)
            : NuisanceSupremum.GridAndRefine(region, lo, hi, options.GridPoints, stopAbove, progress, cancellationToken);
        progress?.Report(1);
        if (options.BergerBoosGamma is double add)
        {
            p += add;
        }

        var conventions = EquatableArray.Create(
            new Convention("nuisance", options.BergerBoosGamma is double bb
                ? "supremum over the " + (1 - bb).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " Clopper-Pearson interval, plus gamma (Berger-Boos)"
                : "supremum over [0, 1]"),
            new Convention("nuisance-search", options.Search == NuisanceSearch.Guaranteed
                ? "guaranteed to a relative 1e-9 (branch and bound)"
                : "grid and refine (arcsine grid, every local maximum refined by Newton steps)"),
            new Convention("maximizing-pi", argmax.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            new Convention("ties", "statistics within " + options.RelativeTolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " relative of the observed count as extreme"));
        return new TestResult(
            test, statisticName, observed, Results.Probability.FromValue(Math.Min(1, p)), options.Alternative, new SampleSizes(n1, n2), null, null, conventions,
            diagnostics: sample.Missing.ToDiagnostic(sample.Arms) is { } missing ? EquatableArray.Create(missing) : default);
    }
}
