using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MscStats.Exceptions;
using MscStats.Internal.Validation;
using MscStats.Results;

namespace MscStats.Data;

/// <summary>
/// A two-arm study: several named outcomes measured on the same subjects, held as tidy observations,
/// from which continuous, binary and paired samples are built on demand.
/// </summary>
/// <remarks>
/// <para>
/// A subject belongs to one arm; each (subject, outcome, time point) appears once. A value is missing
/// when it is null or when a subject of the study has no observation for that outcome and time point;
/// missing values are reported in <see cref="Diagnostics"/> and handled, when a sample is built, by an
/// explicit <see cref="MissingDataPolicy"/>.
/// </para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class Study
{
    // Frozen: built once, read for every value of every sample (an immutable hash trie took seconds at 400,000 values).
    private readonly FrozenDictionary<(string Subject, string Outcome, TimePoint Time), double?> _values;

    private Study(
        string name, ArmLabels arms, ImmutableArray<Observation> observations, ImmutableArray<OutcomeInfo> outcomes, string? provenance,
        RandomizationScheme? randomization, ImmutableDictionary<string, string> strata)
    {
        Randomization = randomization;
        Strata = strata;
        Name = name;
        Arms = arms;
        Observations = observations;
        Outcomes = outcomes;
        Provenance = provenance;
        _values = observations.ToFrozenDictionary(o => (o.Subject, o.Outcome, o.Time), o => o.Value, KeyComparer.Instance);
        TreatedSubjects = SubjectsOf(observations, ArmRole.Treated);
        ControlSubjects = SubjectsOf(observations, ArmRole.Control);
        Diagnostics = MissingDiagnostics();
    }

    /// <summary>The study's name.</summary>
    public string Name { get; }

    /// <summary>The arm labels.</summary>
    public ArmLabels Arms { get; }

    /// <summary>Every observation, in input order.</summary>
    public ImmutableArray<Observation> Observations { get; }

    /// <summary>The outcomes, in order of first appearance, with their units.</summary>
    public ImmutableArray<OutcomeInfo> Outcomes { get; }

    /// <summary>Where the data come from (e.g. the provenance comment of a bundled file), if known.</summary>
    public string? Provenance { get; }

    /// <summary>The treated arm's subject ids, in order of first appearance.</summary>
    public ImmutableArray<string> TreatedSubjects { get; }

    /// <summary>The control arm's subject ids, in order of first appearance.</summary>
    public ImmutableArray<string> ControlSubjects { get; }

    /// <summary>The declared randomization scheme, or null when none was declared (analyses then assume complete randomization).</summary>
    public RandomizationScheme? Randomization { get; }

    /// <summary>The stratum of each subject (subject id → stratum id); empty when the study has no strata.</summary>
    public ImmutableDictionary<string, string> Strata { get; }

    /// <summary>Soft problems in the data, such as missing values per outcome, time point and arm.</summary>
    public EquatableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Creates a study from tidy observations.</summary>
    /// <param name="name">The study's name.</param>
    /// <param name="arms">The arm labels.</param>
    /// <param name="observations">The observations; each (subject, outcome, time point) once, each subject in one arm.</param>
    /// <param name="outcomes">Units for the outcomes, optional; every outcome listed must have observations.</param>
    /// <param name="provenance">Where the data come from, optional.</param>
    /// <param name="randomization">The trial's randomization scheme, optional; its blocks or strata must cover every subject.</param>
    /// <param name="strata">The stratum of each subject, optional; for blocks nested in strata give the strata here and the blocks in <paramref name="randomization"/>.</param>
    /// <returns>The validated study.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// An observation repeats a (subject, outcome, time point), a subject is in both arms, an outcome is
    /// listed twice or has no observations; the message names the observation's index.
    /// </exception>
    /// <exception cref="AssumptionException">An arm has no subjects.</exception>
    public static Study Create(
        string name, ArmLabels arms, IEnumerable<Observation> observations, IEnumerable<OutcomeInfo>? outcomes = null, string? provenance = null,
        RandomizationScheme? randomization = null, IReadOnlyDictionary<string, string>? strata = null)
    {
        Guard.NotBlank(name);
        Guard.NotNull(arms);
        Guard.NotNull(observations);
        var list = observations.ToImmutableArray();
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException("must not contain null; element [" + Guard.Format(i) + "] is null.", nameof(observations));
            }
        }

        var problem = FindProblem(list);
        if (problem is { } p)
        {
            throw new ArgumentException("element [" + Guard.Format(p.Index) + "]: " + p.Message, nameof(observations));
        }

        var units = (outcomes ?? Enumerable.Empty<OutcomeInfo>()).ToList();
        Guard.Distinct(units.Select(o => o.Name).ToList(), StringComparer.Ordinal, nameof(outcomes));
        var observed = list.Select(o => o.Outcome).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unit in units)
        {
            if (!observed.Contains(unit.Name, StringComparer.Ordinal))
            {
                throw new ArgumentException("lists outcome '" + unit.Name + "', which has no observations.", nameof(outcomes));
            }
        }

        var infos = observed
            .Select(n => units.FirstOrDefault(u => string.Equals(u.Name, n, StringComparison.Ordinal)) ?? new OutcomeInfo(n))
            .ToImmutableArray();
        ArmGuard.NotEmpty(list.Count(o => o.Arm == ArmRole.Treated), arms.Treated, nameof(observations));
        ArmGuard.NotEmpty(list.Count(o => o.Arm == ArmRole.Control), arms.Control, nameof(observations));
        var strataMap = (strata ?? ImmutableDictionary<string, string>.Empty).ToImmutableDictionary(StringComparer.Ordinal);
        var subjects = list.Select(o => o.Subject).Distinct(StringComparer.Ordinal).ToList();
        if (randomization is not null && randomization.IsGrouped)
        {
            _ = randomization.GroupIndex(subjects, nameof(randomization));
        }

        foreach (var subject in strataMap.Count == 0 ? [] : subjects)
        {
            if (!strataMap.TryGetValue(subject, out var stratum) || string.IsNullOrWhiteSpace(stratum))
            {
                throw new ArgumentException("gives no stratum for subject '" + subject + "'; give one for every subject or none.", nameof(strata));
            }
        }

        return new Study(name.Trim(), arms, list, infos, provenance, randomization, strataMap);
    }

    /// <summary>
    /// Finds the first observation that breaks the study's rules: a repeated (subject, outcome, time)
    /// or a subject in two arms. Shared by <see cref="Create"/> and the CSV reader, which turns the
    /// index into a line number.
    /// </summary>
    internal static (int Index, string Message, bool Duplicate)? FindProblem(IReadOnlyList<Observation> observations)
    {
        var seen = new Dictionary<(string, string, TimePoint), int>(KeyComparer.Instance);
        var armOf = new Dictionary<string, (ArmRole Arm, int Index)>(StringComparer.Ordinal);
        for (int i = 0; i < observations.Count; i++)
        {
            var o = observations[i];
            if (seen.TryGetValue((o.Subject, o.Outcome, o.Time), out int first))
            {
                return (i, string.Create(
                    CultureInfo.InvariantCulture,
                    $"subject '{o.Subject}', outcome '{o.Outcome}', time point {o.Time} appears again (first at [{first}])."), true);
            }

            seen.Add((o.Subject, o.Outcome, o.Time), i);
            if (armOf.TryGetValue(o.Subject, out var arm) && arm.Arm != o.Arm)
            {
                return (i, string.Create(
                    CultureInfo.InvariantCulture,
                    $"subject '{o.Subject}' is in arm {o.Arm} here but in arm {arm.Arm} at [{arm.Index}]; a subject belongs to one arm."), false);
            }

            armOf.TryAdd(o.Subject, (o.Arm, i));
        }

        return null;
    }

    /// <summary>The subject ids of the arm with the given role.</summary>
    /// <param name="role">The arm.</param>
    public ImmutableArray<string> Subjects(ArmRole role) => Guard.Defined(role) == ArmRole.Treated ? TreatedSubjects : ControlSubjects;

    /// <summary>The outcome with the given name (ordinal match).</summary>
    /// <param name="outcome">The outcome's name.</param>
    /// <returns>The outcome's name and unit.</returns>
    /// <exception cref="ArgumentException">No outcome has that name; the message lists the outcomes.</exception>
    public OutcomeInfo Outcome(string outcome)
    {
        Guard.NotBlank(outcome);
        return Outcomes.FirstOrDefault(o => string.Equals(o.Name, outcome.Trim(), StringComparison.Ordinal))
               ?? throw new ArgumentException(
                   "'" + outcome + "' is not an outcome of study '" + Name + "'; its outcomes are: " + string.Join(", ", Outcomes.Select(o => "'" + o.Name + "'")) + ".",
                   nameof(outcome));
    }

    /// <summary>The time points at which an outcome was measured, in the order None, Baseline, FollowUp.</summary>
    /// <param name="outcome">The outcome's name.</param>
    /// <exception cref="ArgumentException">No outcome has that name.</exception>
    public ImmutableArray<TimePoint> TimePoints(string outcome)
    {
        var info = Outcome(outcome);
        return Observations.Where(o => string.Equals(o.Outcome, info.Name, StringComparison.Ordinal))
            .Select(o => o.Time).Distinct().Order().ToImmutableArray();
    }

    /// <summary>
    /// The kind of an outcome, the one place where it is decided: binary when every recorded value at every time point is
    /// 0 or 1, continuous otherwise; paired when it was measured at baseline and at follow-up.
    /// </summary>
    /// <param name="outcome">The outcome's name.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentException">No outcome has that name.</exception>
    public OutcomeKind KindOf(string outcome)
    {
        var info = Outcome(outcome);
        var times = TimePoints(info.Name);
        bool binary = Observations
            .Where(o => string.Equals(o.Outcome, info.Name, StringComparison.Ordinal) && o.Value is not null)
            .All(o => o.Value is 0.0 or 1.0);
        bool paired = times.Contains(TimePoint.Baseline) && times.Contains(TimePoint.FollowUp);
        return (binary, paired) switch
        {
            (true, true) => OutcomeKind.PairedBinary,
            (true, false) => OutcomeKind.Binary,
            (false, true) => OutcomeKind.PairedContinuous,
            _ => OutcomeKind.Continuous,
        };
    }

    /// <summary>Builds the continuous two-arm sample of an outcome at one time point.</summary>
    /// <param name="outcome">The outcome's name.</param>
    /// <param name="time">The time point; may be omitted when the outcome has only one.</param>
    /// <param name="policy">What to do with missing values.</param>
    /// <returns>The sample, with what was removed recorded in <see cref="ContinuousSample.Missing"/>.</returns>
    /// <exception cref="ArgumentException">The outcome is unknown, or <paramref name="time"/> is omitted but the outcome has several time points, or it has none at <paramref name="time"/>.</exception>
    /// <exception cref="AssumptionException">A value is missing under <see cref="MissingDataPolicy.Reject"/>, or an arm is empty.</exception>
    public ContinuousSample Continuous(string outcome, TimePoint? time = null, MissingDataPolicy policy = MissingDataPolicy.Reject)
    {
        var info = Outcome(outcome);
        var t = ResolveTime(info, time);
        var treated = ValuesOf(info.Name, t, ArmRole.Treated);
        var control = ValuesOf(info.Name, t, ArmRole.Control);
        var removed = RemovedSubjects(info.Name, t, policy);
        return ContinuousSample.CreateWithMissing(treated, control, policy, Describe(info, t), Arms, removed);
    }

    /// <summary>Builds the 2x2 table of a binary outcome (values 0 and 1) at one time point.</summary>
    /// <param name="outcome">The outcome's name.</param>
    /// <param name="time">The time point; may be omitted when the outcome has only one.</param>
    /// <param name="policy">What to do with missing values.</param>
    /// <returns>The table; events are the subjects with value 1.</returns>
    /// <exception cref="ArgumentException">The outcome is unknown or the time point is ambiguous or absent.</exception>
    /// <exception cref="AssumptionException">
    /// A value other than 0 or 1 (reason <see cref="AssumptionReason.WrongKindOfData"/>), a missing value under
    /// <see cref="MissingDataPolicy.Reject"/>, or an empty arm.
    /// </exception>
    public BinarySample Binary(string outcome, TimePoint? time = null, MissingDataPolicy policy = MissingDataPolicy.Reject)
    {
        var info = Outcome(outcome);
        var t = ResolveTime(info, time);
        int[] events = new int[2];
        int[] totals = new int[2];
        int[] removed = new int[2];
        foreach (var role in new[] { ArmRole.Treated, ArmRole.Control })
        {
            var subjects = Subjects(role);
            var values = ValuesOf(info.Name, t, role);
            for (int i = 0; i < values.Length; i++)
            {
                switch (values[i])
                {
                    case null when policy == MissingDataPolicy.Reject:
                        throw ArmGuard.MissingRejected(info.Name, Arms[role], "subject '" + subjects[i] + "'", nameof(outcome));
                    case null:
                        removed[(int)role]++;
                        break;
                    case 0.0:
                        totals[(int)role]++;
                        break;
                    case 1.0:
                        totals[(int)role]++;
                        events[(int)role]++;
                        break;
                    default:
                        throw new AssumptionException(
                            AssumptionReason.WrongKindOfData,
                            info.Name,
                            "'" + info.Name + "' is not binary: subject '" + subjects[i] + "' has value " + Guard.Format(values[i]!.Value) + "; only 0 and 1 are allowed.",
                            nameof(outcome));
                }
            }
        }

        var missing = new MissingDataReport(policy, removed[0], removed[1], RemovedSubjects(info.Name, t, policy));
        return BinarySample.Create(events[0], totals[0], events[1], totals[1], Describe(info, t), Arms, missing);
    }

    /// <summary>Builds the two-arm paired sample (baseline and follow-up per subject) of an outcome.</summary>
    /// <param name="outcome">The outcome's name; it must be measured at baseline and at follow-up.</param>
    /// <param name="policy">What to do with incomplete pairs.</param>
    /// <returns>The paired sample.</returns>
    /// <exception cref="ArgumentException">The outcome is unknown or lacks a baseline or follow-up time point.</exception>
    /// <exception cref="AssumptionException">A pair is incomplete under <see cref="MissingDataPolicy.Reject"/>, or an arm has no complete pair.</exception>
    public PairedSample Paired(string outcome, MissingDataPolicy policy = MissingDataPolicy.Reject)
    {
        var info = Outcome(outcome);
        var times = TimePoints(info.Name);
        if (!times.Contains(TimePoint.Baseline) || !times.Contains(TimePoint.FollowUp))
        {
            throw new ArgumentException(
                "'" + info.Name + "' needs values at Baseline and FollowUp for a paired sample; it has " + string.Join(", ", times) + ".", nameof(outcome));
        }

        PairedArm Arm(ArmRole role) => PairedArm.CreateWithMissing(
            Arms[role], Subjects(role), ValuesOf(info.Name, TimePoint.Baseline, role), ValuesOf(info.Name, TimePoint.FollowUp, role), policy);

        return PairedSample.TwoArm(Arm(ArmRole.Treated), Arm(ArmRole.Control), info);
    }

    /// <summary>
    /// Builds the baseline-adjusted sample of an outcome measured at baseline and follow-up: the subjects with a follow-up
    /// value, the study's randomization scheme and, by default, its strata as indicator covariates.
    /// </summary>
    /// <param name="outcome">The outcome's name; it must be measured at baseline and at follow-up.</param>
    /// <param name="options">The missing-baseline policy and whether strata become covariates.</param>
    /// <returns>The sample; <see cref="BaselineSample.Missing"/> lists whom it removed or imputed.</returns>
    /// <exception cref="ArgumentException">The outcome is unknown or lacks a baseline or follow-up time point.</exception>
    /// <exception cref="AssumptionException">An arm keeps fewer than 3 subjects, or every baseline is missing.</exception>
    public BaselineSample Baseline(string outcome, BaselineSampleOptions? options = null)
    {
        options ??= BaselineSampleOptions.Default;
        Guard.Defined(options.MissingBaseline, "options.MissingBaseline");
        var info = Outcome(outcome);
        var times = TimePoints(info.Name);
        if (!times.Contains(TimePoint.Baseline) || !times.Contains(TimePoint.FollowUp))
        {
            throw new ArgumentException(
                "'" + info.Name + "' needs values at Baseline and FollowUp for a baseline-adjusted analysis; it has " + string.Join(", ", times) + ".",
                nameof(outcome));
        }

        var subjects = ImmutableArray.CreateBuilder<string>();
        var baseline = new List<double?>();
        var followUp = ImmutableArray.CreateBuilder<double>();
        var removed = new List<string>();
        int treated = 0;
        foreach (var role in new[] { ArmRole.Treated, ArmRole.Control })
        {
            var ids = Subjects(role);
            var x = ValuesOf(info.Name, TimePoint.Baseline, role);
            var y = ValuesOf(info.Name, TimePoint.FollowUp, role);
            for (int i = 0; i < ids.Length; i++)
            {
                if (y[i] is null || (x[i] is null && options.MissingBaseline == BaselineMissingData.CompleteCases))
                {
                    removed.Add(ids[i]);
                    continue;
                }

                subjects.Add(ids[i]);
                baseline.Add(x[i]);
                followUp.Add(y[i]!.Value);
                treated += role == ArmRole.Treated ? 1 : 0;
            }
        }

        var imputed = new List<string>();
        var covariates = ImmutableArray.CreateBuilder<Covariate>();
        if (baseline.Any(v => v is null))
        {
            var observed = baseline.Where(v => v is not null).Select(v => v!.Value).ToList();
            if (observed.Count == 0)
            {
                throw new AssumptionException(
                    AssumptionReason.MissingValues, info.Name, "'" + info.Name + "' has no observed baseline value; nothing can be adjusted for.", nameof(outcome));
            }

            double mean = observed.Average();
            var indicator = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < baseline.Count; i++)
            {
                indicator[subjects[i]] = baseline[i] is null ? 1 : 0;
                if (baseline[i] is null)
                {
                    imputed.Add(subjects[i]);
                    baseline[i] = mean;
                }
            }

            covariates.Add(Covariate.Create("baseline missing", indicator));
        }

        var kept = subjects.ToImmutable();
        if (options.StratumCovariates && Strata.Count > 0)
        {
            var ids = kept.Select(s => Strata[s]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var stratum in ids.Skip(1))
            {
                covariates.Add(Covariate.Create(
                    "stratum " + stratum, kept.ToDictionary(s => s, s => string.Equals(Strata[s], stratum, StringComparison.Ordinal) ? 1.0 : 0.0, StringComparer.Ordinal)));
            }
        }

        var missing = new BaselineMissingReport(options.MissingBaseline, removed.ToArray(), imputed.ToArray());
        return BaselineSample.Build(
            info, Arms, kept, treated, baseline.Select(v => v!.Value).ToImmutableArray(), followUp.ToImmutable(), covariates.ToImmutable(), Randomization,
            missing, nameof(outcome), nameof(options), nameof(Randomization));
    }

    /// <summary>The invariant form, e.g. <c>Pilot: MSC n = 12 vs Control n = 13, 5 outcomes</c>.</summary>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: {Arms.Treated} n = {TreatedSubjects.Length} vs {Arms.Control} n = {ControlSubjects.Length}, {Outcomes.Length} outcomes");

    private static OutcomeInfo Describe(OutcomeInfo info, TimePoint time)
        => time == TimePoint.None ? info : new OutcomeInfo(info.Name + (time == TimePoint.Baseline ? " (baseline)" : " (follow-up)"), info.Unit);

    private TimePoint ResolveTime(OutcomeInfo info, TimePoint? time)
    {
        var times = TimePoints(info.Name);
        if (time is TimePoint t)
        {
            Guard.Defined(t, nameof(time));
            if (!times.Contains(t))
            {
                throw new ArgumentException(
                    "'" + info.Name + "' has no values at " + t + "; it has " + string.Join(", ", times) + ".", nameof(time));
            }

            return t;
        }

        if (times.Length != 1)
        {
            throw new ArgumentException(
                "'" + info.Name + "' is measured at " + string.Join(" and ", times) + "; pass the time point to use.", nameof(time));
        }

        return times[0];
    }

    private double?[] ValuesOf(string outcome, TimePoint time, ArmRole role)
        => Subjects(role).Select(s => _values.TryGetValue((s, outcome, time), out var v) ? v : null).ToArray();

    private EquatableArray<string> RemovedSubjects(string outcome, TimePoint time, MissingDataPolicy policy)
        => policy == MissingDataPolicy.CompleteCases
            ? TreatedSubjects.Concat(ControlSubjects).Where(s => !_values.TryGetValue((s, outcome, time), out var v) || v is null).ToImmutableArray()
            : default(EquatableArray<string>);

    private EquatableArray<Diagnostic> MissingDiagnostics()
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var outcome in Outcomes)
        {
            foreach (var time in TimePoints(outcome.Name))
            {
                int treated = ValuesOf(outcome.Name, time, ArmRole.Treated).Count(v => v is null);
                int control = ValuesOf(outcome.Name, time, ArmRole.Control).Count(v => v is null);
                if (treated + control > 0)
                {
                    diagnostics.Add(Diagnostic.Info(
                        DiagnosticCodes.MissingValuesPresent,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"'{Describe(outcome, time).Name}': {treated} missing in {Arms.Treated}, {control} missing in {Arms.Control}")));
                }
            }
        }

        return diagnostics.ToImmutable();
    }

    private static ImmutableArray<string> SubjectsOf(ImmutableArray<Observation> observations, ArmRole role)
        => observations.Where(o => o.Arm == role).Select(o => o.Subject).Distinct(StringComparer.Ordinal).ToImmutableArray();

    private sealed class KeyComparer : IEqualityComparer<(string Subject, string Outcome, TimePoint Time)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Subject, string Outcome, TimePoint Time) x, (string Subject, string Outcome, TimePoint Time) y)
            => string.Equals(x.Subject, y.Subject, StringComparison.Ordinal)
               && string.Equals(x.Outcome, y.Outcome, StringComparison.Ordinal)
               && x.Time == y.Time;

        public int GetHashCode((string Subject, string Outcome, TimePoint Time) obj)
            => HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Subject), StringComparer.Ordinal.GetHashCode(obj.Outcome), obj.Time);
    }
}
