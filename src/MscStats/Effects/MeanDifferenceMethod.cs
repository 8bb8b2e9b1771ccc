namespace MscStats.Effects;

/// <summary>How the interval of a mean difference is computed.</summary>
public enum MeanDifferenceMethod
{
    /// <summary>Welch's t with Satterthwaite degrees of freedom; no equal-variance assumption. R <c>t.test(var.equal = FALSE)</c>, the default.</summary>
    Welch,

    /// <summary>Student's t with the pooled variance and n1 + n2 − 2 degrees of freedom. R <c>t.test(var.equal = TRUE)</c>.</summary>
    Student,
}
