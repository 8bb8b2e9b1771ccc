namespace MscStats.Reporting;

/// <summary>
/// One comparison of an <see cref="AnalysisRun"/>: the serialisable comparison, the sample it was computed from
/// (a <see cref="Data.ContinuousSample"/>, <see cref="Data.BinarySample"/> or <see cref="Data.PairedSample"/>) and the
/// panel's result objects.
/// </summary>
/// <param name="Comparison">The comparison, as the report holds it.</param>
/// <param name="Sample">The sample the panel ran on.</param>
/// <param name="Results">The result objects of the panel's methods.</param>
/// <param name="AtFollowUp">Whether this is the two-arm comparison at follow-up of an outcome measured at baseline and follow-up.</param>
internal sealed record ComparisonRun(MethodComparison Comparison, object Sample, PanelResults Results, bool AtFollowUp = false);
