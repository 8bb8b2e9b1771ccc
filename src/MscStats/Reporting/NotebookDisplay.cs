using System;
using System.Collections.Generic;
using MscStats.Internal.Validation;
using MscStats.Meta;
using MscStats.Plots;
using MscStats.Results;
using MscStats.Simulation;

namespace MscStats.Reporting;

/// <summary>
/// How the library's results, reports and figures show themselves in a .NET Interactive notebook (Polyglot, or Jupyter
/// with the .NET kernel): the types that have an HTML form and the HTML of a value.
/// </summary>
/// <remarks>
/// <para>
/// The registration lives here and in the package, not on the result types: the NuGet package carries
/// <c>interactive-extensions/dotnet/extension.dib</c>, a script that .NET Interactive runs when the package is loaded with
/// <c>#r "nuget: MscStats"</c>. It registers a <c>text/html</c> formatter for every type in <see cref="Types"/> that
/// writes <see cref="Html"/>, so the library needs no reference to a notebook package. Outside a notebook nothing runs.
/// </para>
/// <para>Thread safe.</para>
/// </remarks>
public static class NotebookDisplay
{
    /// <summary>The MIME type of the display, <c>text/html</c>.</summary>
    public const string MimeType = "text/html";

    /// <summary>The types shown as HTML: every analysis result, the method comparisons and reports, and figures.</summary>
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(EstimateResult),
        typeof(TestResult),
        typeof(BootstrapResult),
        typeof(NumberNeededToTreatResult),
        typeof(AdjustedEffectResult),
        typeof(PowerResult),
        typeof(BinaryPowerResult),
        typeof(MetaAnalysisResult),
        typeof(MetaSensitivityResult),
        typeof(SimulationResult),
        typeof(BootstrapCoverageResult),
        typeof(MethodComparison),
        typeof(ComparisonReport),
        typeof(Figure),
    ];

    /// <summary>The HTML of <paramref name="value"/>: a self-contained fragment (inline styles, inline SVG, no scripts).</summary>
    /// <param name="value">A value of one of <see cref="Types"/>.</param>
    /// <returns>The HTML fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not of a type in <see cref="Types"/>.</exception>
    public static string Html(object value) => Guard.NotNull(value) switch
    {
        EstimateResult e => e.ToHtml(),
        TestResult t => t.ToHtml(),
        BootstrapResult b => b.ToHtml(),
        NumberNeededToTreatResult n => ResultHtml.Table("number needed to treat", [("result", n.ToString()), ("library", "MscStats " + n.LibraryVersion)]),
        AdjustedEffectResult a => a.ToHtml(),
        PowerResult p => p.ToHtml(),
        BinaryPowerResult b => b.ToHtml(),
        MetaAnalysisResult m => m.ToHtml(),
        MetaSensitivityResult m => m.ToHtml(),
        SimulationResult s => s.ToHtml(),
        BootstrapCoverageResult c => c.ToHtml(),
        MethodComparison c => ReportRenderer.HtmlFragment(c),
        ComparisonReport r => ReportRenderer.HtmlFragment(r),
        Figure f => f.ToHtml(),
        _ => throw new ArgumentException("has no notebook display: " + value.GetType().FullName + " is not one of NotebookDisplay.Types.", nameof(value)),
    };
}
