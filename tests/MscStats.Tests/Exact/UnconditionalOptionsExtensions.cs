using MscStats.Exact;

namespace MscStats.Tests.Exact;

/// <summary>Runs Boschloo's test with the shared unconditional options of a Barnard case (the reference tables share them).</summary>
internal static class UnconditionalOptionsExtensions
{
    public static BoschlooOptions AsBoschloo(this BarnardOptions options) => new()
    {
        Alternative = options.Alternative,
        BergerBoosGamma = options.BergerBoosGamma,
        RelativeTolerance = options.RelativeTolerance,
        GridPoints = options.GridPoints,
        Search = options.Search,
    };
}
