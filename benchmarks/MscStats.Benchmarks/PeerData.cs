using System;
using MathNet.Numerics.Distributions;

namespace MscStats.Benchmarks;

/// <summary>
/// The standard peer workloads' data, generated exactly as the scipy and R peer scripts do, so that MscStats is
/// timed on the same numbers: Park–Miller uniforms (s = 16807 s mod 2³¹ − 1, 10 burn-in steps, u = s/(2³¹ − 1)),
/// then round(mean + Φ⁻¹(u), 2); treated mean 1 with seed 1000 + n₁, control mean 0 with seed 2000 + n₂.
/// </summary>
public static class PeerData
{
    public static (double[] Treated, double[] Control) Continuous(int n1, int n2)
    {
        var treated = Arm(n1, 1.0, 1000 + n1);
        var control = Arm(n2, 0.0, 2000 + n2);
        if (n1 == 12 && n2 == 13 && (Math.Round(Sum(treated), 2) != 8.05 || Math.Round(Sum(control), 2) != 2.12))
        {
            throw new InvalidOperationException("The 12v13 peer data do not reproduce the published check sums 8.05 and 2.12.");
        }

        return (treated, control);
    }

    /// <summary>
    /// The baseline-adjusted workload: baseline = the continuous peer arms; follow-up = round(0.6·baseline + effect +
    /// Φ⁻¹(u), 2) with effect 0.5 (treated, seed 5000 + n₁) or 0 (control, seed 6000 + n₂). The R peer
    /// (benchmarks/peers/ancova_peer.R) builds the same numbers.
    /// </summary>
    public static (double[] Baseline, double[] FollowUp) Adjusted(int n1, int n2)
    {
        var (x1, x2) = Continuous(n1, n2);
        var u1 = Uniforms(n1, 5000 + n1);
        var u2 = Uniforms(n2, 6000 + n2);
        var baseline = new double[n1 + n2];
        var followUp = new double[n1 + n2];
        for (int i = 0; i < n1 + n2; i++)
        {
            bool treated = i < n1;
            baseline[i] = treated ? x1[i] : x2[i - n1];
            double u = treated ? u1[i] : u2[i - n1];
            followUp[i] = Math.Round(0.6 * baseline[i] + (treated ? 0.5 : 0) + Normal.InvCDF(0, 1, u), 2, MidpointRounding.ToEven);
        }

        return (baseline, followUp);
    }

    /// <summary>The peer 2x2 tables by name: "12v13" (10/12 vs 4/13), "40v40" (30/40 vs 18/40), "100v100" (70/100 vs 50/100).</summary>
    public static MscStats.Data.BinarySample Table(string name) => name switch
    {
        "12v13" => MscStats.Data.BinarySample.Create(10, 12, 4, 13),
        "40v40" => MscStats.Data.BinarySample.Create(30, 40, 18, 40),
        "100v100" => MscStats.Data.BinarySample.Create(70, 100, 50, 100),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "is not a peer table."),
    };

    /// <summary>The heavily tied ordinal arms: clip(round(mean + 1.5 Φ⁻¹(u)), 0, 8); treated mean 4 seed 3000 + n₁, control mean 3 seed 4000 + n₂.</summary>
    public static (double[] Treated, double[] Control) Ordinal(int n1, int n2) => (OrdinalArm(n1, 4.0, 3000 + n1), OrdinalArm(n2, 3.0, 4000 + n2));

    /// <summary>Arm sizes from a workload label such as "12v13".</summary>
    public static (int N1, int N2) Sizes(string label)
    {
        var parts = label.Split('v');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static double[] OrdinalArm(int n, double mean, long seed)
    {
        var u = Uniforms(n, seed);
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = Math.Clamp(Math.Round(mean + 1.5 * Normal.InvCDF(0, 1, u[i]), MidpointRounding.ToEven), 0, 8);
        }

        return values;
    }

    private static double[] Uniforms(int n, long seed)
    {
        long s = seed;
        for (int i = 0; i < 10; i++)
        {
            s = 16807 * s % 2147483647;
        }

        var u = new double[n];
        for (int i = 0; i < n; i++)
        {
            s = 16807 * s % 2147483647;
            u[i] = s / 2147483647.0;
        }

        return u;
    }

    private static double[] Arm(int n, double mean, long seed)
    {
        long s = seed;
        for (int i = 0; i < 10; i++)
        {
            s = 16807 * s % 2147483647;
        }

        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            s = 16807 * s % 2147483647;
            values[i] = Math.Round(mean + Normal.InvCDF(0, 1, s / 2147483647.0), 2, MidpointRounding.ToEven);
        }

        return values;
    }

    private static double Sum(double[] values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
    }
}
