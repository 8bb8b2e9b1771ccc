namespace MscStats.Results;

/// <summary>
/// What every analysis result of the library states about itself: the method, the conventions that change its numbers,
/// the diagnostics, the sample sizes, the resampling (seed and count) where anything was random, and the library
/// version. Panels, renderers and notebook display work through this interface.
/// </summary>
/// <remarks>
/// Implemented by <see cref="EstimateResult"/>, <see cref="TestResult"/>, <see cref="BootstrapResult"/>,
/// <see cref="NumberNeededToTreatResult"/>, <see cref="AdjustedEffectResult"/> and the meta-analysis results
/// <c>MetaAnalysisResult</c> and <c>MetaSensitivityResult</c>; the interface members are explicit where the record names
/// the same thing otherwise (an estimate's <c>Measure</c>, a test's <c>Test</c>), so JSON keeps the records' own shape.
/// </remarks>
public interface IAnalysisResult
{
    /// <summary>The method as a statistician would name it (the measure, the test, or the bootstrapped statistic).</summary>
    string Method { get; }

    /// <summary>The sizes of the arms that entered the result.</summary>
    SampleSizes SampleSizes { get; }

    /// <summary>Every convention that changes the numbers.</summary>
    EquatableArray<Convention> Conventions { get; }

    /// <summary>Soft problems found on the way.</summary>
    EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Seed and resample count where anything was random; otherwise null.</summary>
    ResamplingInfo? Resampling { get; }

    /// <summary>The library version that computed the result.</summary>
    string LibraryVersion { get; }
}
