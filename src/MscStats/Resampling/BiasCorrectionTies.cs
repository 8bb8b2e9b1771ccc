namespace MscStats.Resampling;

/// <summary>How replicates equal to the estimate count in the BCa bias correction z₀ = Φ⁻¹(proportion below θ̂).</summary>
public enum BiasCorrectionTies
{
    /// <summary>Ties count half: (#{θ* &lt; θ̂} + ½#{θ* = θ̂})/B, as scipy. The default.</summary>
    Half,

    /// <summary>Ties count as not below: #{θ* &lt; θ̂}/B, as R boot's <c>bca.ci</c>.</summary>
    StrictlyBelow,
}
