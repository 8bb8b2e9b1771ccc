using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MscStats.Exceptions;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Data;

/// <summary>
/// Two arms with a baseline and a follow-up per subject, optional further covariates and the trial's randomization
/// scheme: the sample of the baseline-adjusted analyses (change score, ANCOVA, Lin's interacted estimator) and of their
/// randomization tests.
/// </summary>
/// <remarks>
/// <para>
/// Subjects are held treated first, then control, in the order of the arms they came from. At least 3 subjects per arm
/// (an ANCOVA with fewer cannot estimate its error). The randomization scheme is checked against the arms: every subject
/// must have a block or stratum when one is declared, a complete permuted block must hold the arms in the declared
/// allocation ratio, and a block or stratum holding one arm only (it contributes a single assignment) gets a diagnostic.
/// </para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class BaselineSample
{
    /// <summary>The fewest subjects per arm.</summary>
    public const int MinimumPerArm = 3;

    private BaselineSample(
        OutcomeInfo outcome, ArmLabels arms, ImmutableArray<string> subjects, int treatedCount, ImmutableArray<double> baseline,
        ImmutableArray<double> followUp, ImmutableArray<Covariate> covariates, RandomizationScheme randomization, bool declared,
        BaselineMissingReport missing, EquatableArray<Diagnostic> diagnostics)
    {
        Outcome = outcome;
        Arms = arms;
        Subjects = subjects;
        TreatedCount = treatedCount;
        Baseline = baseline;
        FollowUp = followUp;
        Covariates = covariates;
        Randomization = randomization;
        RandomizationDeclared = declared;
        Missing = missing;
        Diagnostics = diagnostics;
    }

    /// <summary>The outcome's name and unit.</summary>
    public OutcomeInfo Outcome { get; }

    /// <summary>The arm labels.</summary>
    public ArmLabels Arms { get; }

    /// <summary>The subject ids, treated first, then control.</summary>
    public ImmutableArray<string> Subjects { get; }

    /// <summary>The number of treated subjects (the first ones in <see cref="Subjects"/>).</summary>
    public int TreatedCount { get; }

    /// <summary>The number of control subjects.</summary>
    public int ControlCount => Subjects.Length - TreatedCount;

    /// <summary>The number of subjects.</summary>
    public int Count => Subjects.Length;

    /// <summary>The baseline values, in subject order (imputed ones included under the missing-indicator method).</summary>
    public ImmutableArray<double> Baseline { get; }

    /// <summary>The follow-up values, in subject order.</summary>
    public ImmutableArray<double> FollowUp { get; }

    /// <summary>The further covariates (besides the baseline), e.g. stratum indicators or the missing-baseline indicator.</summary>
    public ImmutableArray<Covariate> Covariates { get; }

    /// <summary>The randomization scheme; complete randomization when none was declared.</summary>
    public RandomizationScheme Randomization { get; }

    /// <summary>Whether the scheme was declared (false when complete randomization is assumed for want of one).</summary>
    public bool RandomizationDeclared { get; }

    /// <summary>Who was removed for a missing value and whose baseline was imputed.</summary>
    public BaselineMissingReport Missing { get; }

    /// <summary>Soft problems: a block or stratum with one arm only, an incomplete block, removed or imputed subjects.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The sample sizes.</summary>
    public SampleSizes SampleSizes => new(TreatedCount, ControlCount);

    /// <summary>Whether subject <paramref name="index"/> (in <see cref="Subjects"/> order) is treated.</summary>
    /// <param name="index">The subject's index.</param>
    public bool IsTreated(int index) => index < TreatedCount;

    /// <summary>Creates the sample from a two-arm paired sample.</summary>
    /// <param name="sample">The two arms (complete pairs).</param>
    /// <param name="randomization">The trial's randomization scheme; null for complete randomization, assumed and not declared.</param>
    /// <param name="covariates">Further covariates, each with a value for every subject; may be null.</param>
    /// <returns>The validated sample.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The sample has one arm; a covariate lacks a subject or repeats a name; a subject lacks a block or stratum; a
    /// complete permuted block breaks its allocation ratio.
    /// </exception>
    /// <exception cref="AssumptionException">An arm has fewer than <see cref="MinimumPerArm"/> subjects.</exception>
    public static BaselineSample Create(PairedSample sample, RandomizationScheme? randomization = null, IEnumerable<Covariate>? covariates = null)
    {
        Guard.NotNull(sample);
        var control = sample.Control ?? throw new ArgumentException("must have a control arm: a baseline-adjusted comparison needs two arms.", nameof(sample));
        var removed = sample.Missing.RemovedSubjects;
        return Build(
            sample.Outcome, new ArmLabels(sample.Treated.Label, control.Label),
            [.. sample.Treated.Subjects, .. control.Subjects], sample.Treated.Count,
            [.. sample.Treated.Baseline, .. control.Baseline], [.. sample.Treated.FollowUp, .. control.FollowUp],
            (covariates ?? []).ToImmutableArray(), randomization, new BaselineMissingReport(BaselineMissingData.CompleteCases, removed, default),
            nameof(sample), nameof(covariates), nameof(randomization));
    }

    /// <summary>Builds and validates a sample from aligned arrays (treated subjects first).</summary>
    internal static BaselineSample Build(
        OutcomeInfo outcome, ArmLabels arms, ImmutableArray<string> subjects, int treatedCount, ImmutableArray<double> baseline,
        ImmutableArray<double> followUp, ImmutableArray<Covariate> covariates, RandomizationScheme? randomization, BaselineMissingReport missing,
        string sampleParam, string covariatesParam, string randomizationParam)
    {
        int controlCount = subjects.Length - treatedCount;
        ArmGuard.AtLeast(treatedCount, MinimumPerArm, arms.Treated, sampleParam, "an ANCOVA");
        ArmGuard.AtLeast(controlCount, MinimumPerArm, arms.Control, sampleParam, "an ANCOVA");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var covariate in covariates)
        {
            if (covariate is null)
            {
                throw new ArgumentException("must not contain null.", covariatesParam);
            }

            if (!names.Add(covariate.Name))
            {
                throw new ArgumentException("names covariate '" + covariate.Name + "' twice.", covariatesParam);
            }

            foreach (var subject in subjects)
            {
                if (!covariate.Values.ContainsKey(subject))
                {
                    throw new ArgumentException("covariate '" + covariate.Name + "' has no value for subject '" + subject + "'.", covariatesParam);
                }
            }
        }

        var diagnostics = new List<Diagnostic>();
        if (missing.RemovedSubjects.Count > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.MissingValuesRemoved,
                "removed for a missing baseline or follow-up: " + string.Join(", ", missing.RemovedSubjects)));
        }

        if (missing.ImputedSubjects.Count > 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.MissingIndicator,
                "missing-indicator method: the baseline of " + string.Join(", ", missing.ImputedSubjects)
                + " is set to the mean observed baseline and the covariate 'baseline missing' enters the model"));
        }

        var scheme = randomization ?? RandomizationScheme.Complete;
        CheckScheme(scheme, arms, subjects, treatedCount, diagnostics, randomizationParam);
        return new BaselineSample(
            outcome, arms, subjects, treatedCount, baseline, followUp, covariates, scheme, randomization is not null, missing,
            EquatableArray.Create(diagnostics.ToArray()));
    }

    /// <summary>The same data under another randomization scheme (e.g. to compare schemes side by side).</summary>
    /// <param name="randomization">The scheme.</param>
    /// <returns>The sample with the scheme declared.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="randomization"/> is null.</exception>
    /// <exception cref="ArgumentException">The scheme does not fit the arms (see <see cref="Create"/>).</exception>
    public BaselineSample WithRandomization(RandomizationScheme randomization)
    {
        Guard.NotNull(randomization);
        return Build(
            Outcome, Arms, Subjects, TreatedCount, Baseline, FollowUp, Covariates, randomization, Missing,
            "sample", "covariates", nameof(randomization));
    }

    /// <summary>The same data with further covariates added.</summary>
    /// <param name="covariates">The covariates to add.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariates"/> is null.</exception>
    /// <exception cref="ArgumentException">A covariate lacks a subject or repeats a name.</exception>
    public BaselineSample WithCovariates(params Covariate[] covariates)
    {
        Guard.NotNull(covariates);
        return Build(
            Outcome, Arms, Subjects, TreatedCount, Baseline, FollowUp, Covariates.AddRange(covariates), RandomizationDeclared ? Randomization : null,
            Missing, "sample", nameof(covariates), "randomization");
    }

    /// <summary>The invariant form, e.g. <c>IgM [g/L] (baseline-adjusted): MSC 12 vs Control 13, randomization complete</c>.</summary>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{Outcome} (baseline-adjusted): {Arms.Treated} {TreatedCount} vs {Arms.Control} {ControlCount}, randomization {Randomization.Description}")
           + (Covariates.IsEmpty ? string.Empty : ", covariates " + string.Join(", ", Covariates.Select(c => c.Name)));

    private static void CheckScheme(
        RandomizationScheme scheme, ArmLabels arms, ImmutableArray<string> subjects, int treatedCount, List<Diagnostic> diagnostics, string paramName)
    {
        if (!scheme.IsGrouped)
        {
            return;
        }

        var group = scheme.GroupIndex(subjects, paramName);
        var ids = scheme.GroupIds;
        var treated = new int[ids.Length];
        var size = new int[ids.Length];
        for (int i = 0; i < subjects.Length; i++)
        {
            size[group[i]]++;
            treated[group[i]] += i < treatedCount ? 1 : 0;
        }

        string word = scheme.GroupWord;
        for (int g = 0; g < ids.Length; g++)
        {
            if (size[g] == 0)
            {
                continue;
            }

            int control = size[g] - treated[g];
            if (treated[g] == 0 || control == 0)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.GroupWithOneArm,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{word} '{ids[g]}' holds {(control == 0 ? arms.Treated : arms.Control)} only ({size[g]} subjects): it contributes a single assignment and no information on the effect")));
            }

            if (scheme.Kind != RandomizationKind.PermutedBlocks)
            {
                continue;
            }

            int a = scheme.AllocationTreated, b = scheme.AllocationControl;
            if (size[g] % (a + b) == 0)
            {
                if (treated[g] != size[g] / (a + b) * a)
                {
                    throw new ArgumentException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"declares permuted blocks with allocation {a}:{b}, but block '{ids[g]}' of {size[g]} subjects holds {treated[g]} {arms.Treated} and {control} {arms.Control}; such blocks hold {size[g] / (a + b) * a} and {size[g] / (a + b) * b}. Check the block column or the allocation ratio."),
                        paramName);
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Info(
                    DiagnosticCodes.IncompleteBlock,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"block '{ids[g]}' has {size[g]} subjects, not a multiple of the allocation {a}:{b} (an incomplete last block); its observed counts {treated[g]}:{control} are kept")));
            }
        }
    }
}
