using MscStats.Results;

namespace MscStats.Planning;

/// <summary>Every convention of a power or sample-size calculation (<see cref="Power"/>). Change with <c>with</c>.</summary>
/// <remarks>Values are checked by the verb that uses them. Immutable and thread safe.</remarks>
public sealed record PowerOptions
{
    /// <summary>The defaults: Student's t, two-sided α = 0.05 counting both tails, target power 0.8, at most 100,000 per arm, no pilot uncertainty.</summary>
    public static PowerOptions Default { get; } = new();

    /// <summary>The analysis the trial will use. Default <see cref="PlannedTest.Student"/>.</summary>
    public PlannedTest Test { get; init; } = PlannedTest.Student;

    /// <summary>The significance level α of the planned test (each tail gets α/2 when two-sided); in (0, 1). Default 0.05.</summary>
    public Probability Alpha { get; init; } = Probability.Alpha05;

    /// <summary>The alternative of the planned test, for treated − control. Default two-sided.</summary>
    public Alternative Alternative { get; init; } = Alternative.TwoSided;

    /// <summary>Which tails count towards a two-sided test's power. Default <see cref="Planning.TwoSidedPower.BothTails"/> (exact).</summary>
    public TwoSidedPower TwoSidedPower { get; init; } = TwoSidedPower.BothTails;

    /// <summary>The power a sample-size search or a detectable effect aims at; in (0, 1). Default 0.8.</summary>
    public double TargetPower { get; init; } = 0.8;

    /// <summary>The largest control-arm size a sample-size search may return; at least 2. Default 100,000.</summary>
    public int MaximumPerArm { get; init; } = 100_000;

    /// <summary>How ANCOVA power is computed. Default <see cref="Planning.AncovaPower.DesignFactor"/> (Borm et al. 2007); <see cref="Planning.AncovaPower.RandomBaseline"/> is exact for a normal baseline.</summary>
    public AncovaPower Ancova { get; init; } = AncovaPower.DesignFactor;

    /// <summary>How the pilot's uncertainty enters (needs <see cref="ContinuousDesign.Pilot"/>). Default <see cref="PilotMethod.None"/>.</summary>
    public PilotMethod Pilot { get; init; } = PilotMethod.None;

    /// <summary>The one-sided level γ of the pilot SD's upper confidence limit for <see cref="PilotMethod.SdUpperLimit"/>. Default 80% (Browne 1995).</summary>
    public ConfidenceLevel UpperLimitLevel { get; init; } = ConfidenceLevel.L80;
}
