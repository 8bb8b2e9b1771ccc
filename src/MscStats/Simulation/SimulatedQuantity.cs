namespace MscStats.Simulation;

/// <summary>What a simulation estimates for its method.</summary>
public enum SimulatedQuantity
{
    /// <summary>The rejection rate of a test at level α: its power, or its type I error rate when the arms do not differ.</summary>
    Power,

    /// <summary>The proportion of confidence intervals that contain the true difference in means.</summary>
    Coverage,
}
