using MscStats.Exceptions;
using MscStats.Internal.Numerics;
using MscStats.Results;

namespace MscStats.Internal.Estimation;

/// <summary>
/// The conditional odds ratio ψ = b/c of a paired 2x2 table with its exact interval: given the b + c discordant pairs,
/// b ~ Binomial(b + c, ψ/(1 + ψ)), so the Clopper–Pearson interval for b/(b + c) mapped by p/(1 − p) covers ψ with at
/// least the nominal confidence. One routine for McNemar's companion estimate and
/// <c>PairedBinaryEffect.OddsRatio</c>.
/// </summary>
internal static class ConditionalOddsRatio
{
    public const string Method = "exact (Clopper-Pearson)";

    public const string IntervalConvention = "Clopper-Pearson for b/(b + c), mapped to b/c";

    /// <summary>The estimate with its interval; b = 0 gives 0 and c = 0 gives +∞, each with a diagnostic.</summary>
    /// <exception cref="AssumptionException">b + c = 0: the ratio is 0/0.</exception>
    public static EstimateResult Estimate(int b, int c, ConfidenceLevel level, SampleSizes sizes, string paramName)
    {
        int n = checked(b + c);
        if (n == 0)
        {
            throw NoDiscordantPairs("the conditional odds ratio b/c is 0/0", paramName);
        }

        var (pLo, pHi) = BinomialLimits.ClopperPearson(b, n, level.Alpha);
        double estimate = c == 0 ? double.PositiveInfinity : (double)b / c;
        var diagnostics = b == 0 || c == 0
            ? EquatableArray.Create(Diagnostic.Warning(
                DiagnosticCodes.ZeroDiscordantCell,
                (b == 0 ? "no pairs have the event at the first measurement only (b = 0), so b/c = 0 and the lower limit is 0"
                        : "no pairs have the event at the second measurement only (c = 0), so b/c = +inf and the upper limit is +inf")))
            : default;
        return new EstimateResult(
            "conditional odds ratio (b/c)", estimate, new ConfidenceInterval(Odds(pLo), Odds(pHi), level, Method), sizes,
            EquatableArray.Create(new Convention(ConventionNames.IntervalMethod, IntervalConvention)), diagnostics: diagnostics);
    }

    public static AssumptionException NoDiscordantPairs(string what, string paramName)
        => new(AssumptionReason.DegenerateTable, "paired table", "there are no discordant pairs (b + c = 0), so " + what + ".", paramName);

    private static double Odds(double q) => q >= 1 ? double.PositiveInfinity : q / (1 - q);
}
