using MscStats.Planning;
using MscStats.Results;

namespace MscStats.Reporting;

/// <summary>Every convention of a trial plan (<see cref="Plan"/>): the planned test's α and alternative, the target, the searches' limits and what to plan for. Change with <c>with</c>.</summary>
/// <remarks>Values are checked by the verb that uses them, with the property named in the exception. Immutable and thread safe.</remarks>
public sealed record PlanOptions
{
    /// <summary>The defaults: two-sided α = 0.05, target power 0.8, 1:1 allocation, the pilot SD's 80% upper limit, exact binary searches up to 100 per arm.</summary>
    public static PlanOptions Default { get; } = new();

    /// <summary>The significance level α of the planned test; in (0, 1). Default 0.05.</summary>
    public Probability Alpha { get; init; } = Probability.Alpha05;

    /// <summary>The alternative of the planned test, for treated − control. Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>The power the sample sizes aim at; in (0, 1). Default 0.8.</summary>
    public double TargetPower { get; init; } = 0.8;

    /// <summary>Treated subjects per control subject in the planned trial; positive and finite. Default 1. Used by <see cref="Plan.Study"/>; the designs of <see cref="Plan.Continuous"/> and <see cref="Plan.Binary"/> carry their own.</summary>
    public double AllocationRatio { get; init; } = 1;

    /// <summary>The largest control-arm size a continuous search may return; at least 2. Default 100,000.</summary>
    public int MaximumPerArm { get; init; } = 100_000;

    /// <summary>
    /// The largest control-arm size the binary searches scan, exact and approximate alike (every size from 2 is evaluated);
    /// at least 2 and at most <see cref="BinaryPowerOptions.ExactMaximumPerArm"/>. Default 100: Boschloo's search to 100 per
    /// arm takes a few seconds, to 200 about ten times longer.
    /// </summary>
    public int BinaryMaximumPerArm { get; init; } = 100;

    /// <summary>The one-sided level of the pilot SD's upper confidence limit. Default 80% (Browne 1995).</summary>
    public ConfidenceLevel UpperLimitLevel { get; init; } = ConfidenceLevel.L80;

    /// <summary>
    /// The difference to plan for, treated − control, in place of the pilot's estimate (a clinically relevant difference);
    /// null plans for the pilot's estimate. <see cref="Plan.Study"/> applies it to every continuous outcome it plans, so name one.
    /// </summary>
    public double? Difference { get; init; }

    /// <summary>The treated arm's event probability to plan for in place of the pilot's; set with <see cref="ControlProportion"/>. Null plans for the pilot's proportions.</summary>
    public double? TreatedProportion { get; init; }

    /// <summary>The control arm's event probability to plan for in place of the pilot's; set with <see cref="TreatedProportion"/>.</summary>
    public double? ControlProportion { get; init; }

    /// <summary>The most sizes a continuous power curve evaluates; at least 2. Default 120.</summary>
    public int CurvePoints { get; init; } = 120;

    /// <summary>
    /// Trials simulated for the rows whose test has no power formula (Wilcoxon-Mann-Whitney at Student's n; the ANCOVA
    /// randomization test at the ANCOVA n); 0 leaves those rows out. Default 2,000 (Monte Carlo SE at most 0.011, about
    /// 0.009 at a power of 0.8).
    /// </summary>
    public int SimulationReplicates { get; init; } = 2_000;

    /// <summary>The seed of the simulated rows; the same seed gives the same bits on any number of threads. Default 20210604.</summary>
    public ulong Seed { get; init; } = 20210604;
}
