using MscStats.Results;

namespace MscStats.Exact;

/// <summary>
/// The options shared by the unconditional exact tests: <see cref="BarnardOptions"/> and <see cref="BoschlooOptions"/>.
/// Change with <c>with</c>.
/// </summary>
/// <remarks>Immutable and thread safe. Only this library derives from it.</remarks>
public abstract record UnconditionalOptions
{
    private protected UnconditionalOptions()
    {
    }

    /// <summary>The alternative; "greater" means the treated arm's event probability is the larger. Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>
    /// If set, the Berger–Boos (1994, JASA 89(427), doi:10.1080/01621459.1994.10476846) restriction: the supremum is taken
    /// over the 1 − γ Clopper–Pearson interval for the common probability only, and γ is added to the p-value. Null (the
    /// default) takes the supremum over all of [0, 1].
    /// </summary>
    public double? BergerBoosGamma { get; init; }

    /// <summary>
    /// Statistics within this relative distance of the observed one count as at least as extreme (the observed table and
    /// its ties are always in the rejection region). Default 1e-9; in [0, 1e-3].
    /// </summary>
    public double RelativeTolerance { get; init; } = 1e-9;

    /// <summary>
    /// The number of points of the starting grid over the nuisance probability; at least 10. Default 16. With
    /// <see cref="NuisanceSearch.Guaranteed"/> cells of the grid are then split wherever a bound on the curvature says
    /// the maximum could be higher, so the supremum is guaranteed to a relative 1e-9 whatever the grid and more points
    /// only trade splits for evaluations; with <see cref="NuisanceSearch.GridAndRefine"/> it is a lower limit on the
    /// grid's size, which otherwise grows with √(n₁ + n₂).
    /// </summary>
    public int GridPoints { get; init; } = 16;

    /// <summary>How the supremum over the nuisance probability is found. Default <see cref="NuisanceSearch.Guaranteed"/>.</summary>
    public NuisanceSearch Search { get; init; } = NuisanceSearch.Guaranteed;
}
