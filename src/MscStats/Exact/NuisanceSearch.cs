namespace MscStats.Exact;

/// <summary>How Barnard's and Boschloo's tests find the supremum of the rejection probability P(π) over the common probability π.</summary>
public enum NuisanceSearch
{
    /// <summary>
    /// A branch and bound guaranteed to a relative 1e-9 (up to rounding): grid cells are split until bounds on P″ and
    /// P‴ show that none can beat the best value found, and concave cells are settled by Newton steps. Hundreds of
    /// evaluations of P at n₁ + n₂ = 200.
    /// </summary>
    Guaranteed,

    /// <summary>
    /// A grid, then every local maximum of it refined: P, P′ and P″ at max(<see cref="UnconditionalOptions.GridPoints"/>,
    /// ⌈3√n⌉ + 1) points evenly spaced in arcsin √π (n = n₁ + n₂; the binomial SD is 1/(2√n) on that scale), and in each
    /// cell where P′ falls from positive to negative, safeguarded Newton steps on P′ to 1e-12 in π. Far fewer evaluations than
    /// <see cref="Guaranteed"/> (timings in benchmarks/README.md), and still far more thorough than scipy's 32 points without
    /// refinement, but a local maximum between two grid points whose slopes agree is missed: P ripples on the scale
    /// 1/n in π (the lattice of the binomial). On 1,080 random tables with n up to 300, each with Barnard's pooled and
    /// unpooled tests and Boschloo's and all three alternatives (3,240 p-values), 2 fell short of the guaranteed
    /// supremum by more than a relative 1e-9, by at most 1.2e-4.
    /// </summary>
    GridAndRefine,
}
