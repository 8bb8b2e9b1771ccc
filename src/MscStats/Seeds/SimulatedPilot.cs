using System;
using System.Collections.Generic;
using System.Globalization;
using MscStats.Data;
using MscStats.Internal.Random;

namespace MscStats.Seeds;

/// <summary>
/// Generates a simulated two-arm pilot data set shaped like the 12-vs-13 umbilical-cord MSC COVID-19
/// pilot of Wei et al. (Clinics 2021;76:e2604): oxygenation index, CT inflammation area and IgM at
/// baseline and follow-up, and allergic reactions and serious adverse events. The values are
/// simulated, not trial data: that paper's abstract reports no per-patient or per-arm numbers.
/// </summary>
/// <remarks>
/// <para>
/// The generator is the library's xoshiro256** seeded through SplitMix64, with normal deviates by
/// Marsaglia's polar method, so a seed gives the same data on every runtime. Subjects M01–M12 (arm
/// <c>MSC</c>) and then C01–C13 (arm <c>Control</c>) are generated in that order; for each, six normal
/// deviates z1–z6 and two uniforms u1, u2 are drawn, in that order, and:
/// </para>
/// <list type="bullet">
/// <item>oxygenation index (PaO2/FiO2, mmHg): baseline = round(160 + 40 z1) clamped to [60, 400];
/// follow-up = round(baseline + Δ + 35 z2) clamped to [60, 500], Δ = 80 (MSC) or 30 (Control);</item>
/// <item>CT inflammation area (% of lung): baseline = round(38 + 12 z3, 1) clamped to [5, 90];
/// follow-up = round(baseline × (r + 0.12 z4), 1) clamped to [1, 95], r = 0.55 (MSC) or 0.85 (Control);</item>
/// <item>IgM (g/L): baseline = round(1.4 exp(0.35 z5), 2); follow-up = round(baseline × exp(μ + 0.15 z6), 2),
/// μ = −0.30 (MSC) or 0 (Control);</item>
/// <item>allergic reaction: 1 if u1 &lt; 0.08 (MSC) or 0 (Control), else 0;</item>
/// <item>serious adverse event: 1 if u2 &lt; 0.10 (MSC) or 0.20 (Control), else 0.</item>
/// </list>
/// <para>
/// Rounding is half away from zero. By design the IgM follow-up value of subject C07 is missing, to
/// exercise missing-data handling. Thread safe.
/// </para>
/// </remarks>
public static class SimulatedPilot
{
    /// <summary>The seed of the bundled data set (<c>seeds/pilot-simulated.csv</c>): 2604, after the paper's article number e2604.</summary>
    public const ulong DefaultSeed = 2604;

    /// <summary>The name of the generated study.</summary>
    public const string StudyName = "Simulated MSC pilot (12 vs 13)";

    /// <summary>The oxygenation index outcome.</summary>
    public static OutcomeInfo OxygenationIndex { get; } = new("oxygenation index", "mmHg");

    /// <summary>The CT inflammation area outcome.</summary>
    public static OutcomeInfo CtInflammationArea { get; } = new("CT inflammation area", "% of lung");

    /// <summary>The IgM outcome.</summary>
    public static OutcomeInfo IgM { get; } = new("IgM", "g/L");

    /// <summary>The allergic reaction outcome (binary).</summary>
    public static OutcomeInfo AllergicReaction { get; } = new("allergic reaction");

    /// <summary>The serious adverse event outcome (binary).</summary>
    public static OutcomeInfo SeriousAdverseEvent { get; } = new("serious adverse event");

    /// <summary>The arm labels, <c>MSC</c> and <c>Control</c>.</summary>
    public static ArmLabels Arms { get; } = new("MSC", "Control");

    /// <summary>Generates the data set.</summary>
    /// <param name="seed">The seed; <see cref="DefaultSeed"/> gives the bundled data set.</param>
    /// <returns>The simulated study, with its provenance (generator, seed, model) in <see cref="Study.Provenance"/>.</returns>
    public static Study Generate(ulong seed = DefaultSeed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var observations = new List<Observation>();
        for (int i = 0; i < 25; i++)
        {
            bool msc = i < 12;
            var arm = msc ? ArmRole.Treated : ArmRole.Control;
            string subject = (msc ? "M" : "C") + (msc ? i + 1 : i - 11).ToString("00", CultureInfo.InvariantCulture);
            double z1 = rng.NextStandardNormal(), z2 = rng.NextStandardNormal(), z3 = rng.NextStandardNormal();
            double z4 = rng.NextStandardNormal(), z5 = rng.NextStandardNormal(), z6 = rng.NextStandardNormal();
            double u1 = rng.NextDouble(), u2 = rng.NextDouble();

            double oxBase = Math.Clamp(Round(160 + 40 * z1, 0), 60, 400);
            double oxFollow = Math.Clamp(Round(oxBase + (msc ? 80 : 30) + 35 * z2, 0), 60, 500);
            double ctBase = Math.Clamp(Round(38 + 12 * z3, 1), 5, 90);
            double ctFollow = Math.Clamp(Round(ctBase * ((msc ? 0.55 : 0.85) + 0.12 * z4), 1), 1, 95);
            double igmBase = Round(1.4 * Math.Exp(0.35 * z5), 2);
            double? igmFollow = subject == "C07" ? null : Round(igmBase * Math.Exp((msc ? -0.30 : 0.0) + 0.15 * z6), 2);
            double allergic = u1 < (msc ? 0.08 : 0.0) ? 1 : 0;
            double sae = u2 < (msc ? 0.10 : 0.20) ? 1 : 0;

            observations.Add(new Observation(subject, arm, OxygenationIndex.Name, TimePoint.Baseline, oxBase));
            observations.Add(new Observation(subject, arm, OxygenationIndex.Name, TimePoint.FollowUp, oxFollow));
            observations.Add(new Observation(subject, arm, CtInflammationArea.Name, TimePoint.Baseline, ctBase));
            observations.Add(new Observation(subject, arm, CtInflammationArea.Name, TimePoint.FollowUp, ctFollow));
            observations.Add(new Observation(subject, arm, IgM.Name, TimePoint.Baseline, igmBase));
            observations.Add(new Observation(subject, arm, IgM.Name, TimePoint.FollowUp, igmFollow));
            observations.Add(new Observation(subject, arm, AllergicReaction.Name, TimePoint.None, allergic));
            observations.Add(new Observation(subject, arm, SeriousAdverseEvent.Name, TimePoint.None, sae));
        }

        return Study.Create(
            StudyName,
            Arms,
            observations,
            [OxygenationIndex, CtInflammationArea, IgM, AllergicReaction, SeriousAdverseEvent],
            Provenance(seed));
    }

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static string Provenance(ulong seed) => string.Join(
        "\n",
        "SIMULATED DATA - NOT TRIAL DATA.",
        "A 12-vs-13 two-arm data set shaped like the UC-MSC COVID-19 pilot of Wei et al., Clinics 2021;76:e2604",
        "(UC-MSC plus conventional therapy vs conventional therapy alone). That paper's abstract gives no per-patient",
        "or per-arm numbers and none are used here; every value below is simulated.",
        "Generator: MscStats.Seeds.SimulatedPilot.Generate(seed: " + seed.ToString(CultureInfo.InvariantCulture)
        + "), xoshiro256** with SplitMix64 seeding, Marsaglia polar normals;",
        "the model is documented on that method. Regenerate with:",
        "  dotnet run --project examples/MscStats.Examples -- simulate-pilot > seeds/pilot-simulated.csv",
        "By design the IgM follow-up value of subject C07 is missing (NA).");
}
