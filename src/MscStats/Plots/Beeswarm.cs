using System;
using System.Collections.Generic;
using System.Linq;

namespace MscStats.Plots;

/// <summary>
/// A deterministic beeswarm layout: circles of one diameter keep their value on the value axis and are pushed sideways,
/// the least possible distance from the centre line, until they touch no circle already placed.
/// </summary>
/// <remarks>
/// Circles are placed in ascending order of value (ties in input order). For circle i the candidate offsets are 0 and,
/// for every placed circle j closer than one diameter along the value axis, the two offsets where i would just touch j,
/// xⱼ ± √(d² − Δy²); the candidate with the smallest |offset| (then the negative one) that overlaps no placed circle
/// wins. So no two circles overlap, whatever the data. O(n³) in the worst case; fine for cohorts of tens to hundreds.
/// </remarks>
internal static class Beeswarm
{
    /// <summary>The sideways offsets, in the same units as <paramref name="values"/> and <paramref name="diameter"/>.</summary>
    public static double[] Offsets(IReadOnlyList<double> values, double diameter)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var offsets = new double[values.Count];
        var placed = new List<int>();
        double d2 = diameter * diameter;
        var candidates = new List<double>();
        foreach (int i in order)
        {
            candidates.Clear();
            candidates.Add(0);
            foreach (int j in placed)
            {
                double dy = values[i] - values[j];
                if (Math.Abs(dy) < diameter)
                {
                    double h = Math.Sqrt(d2 - dy * dy);
                    candidates.Add(offsets[j] - h);
                    candidates.Add(offsets[j] + h);
                }
            }

            candidates.Sort((a, b) => Math.Abs(a) != Math.Abs(b) ? Math.Abs(a).CompareTo(Math.Abs(b)) : a.CompareTo(b));
            foreach (double x in candidates)
            {
                if (placed.TrueForAll(j => Clear(x - offsets[j], values[i] - values[j], d2)))
                {
                    offsets[i] = x;
                    break;
                }
            }

            placed.Add(i);
        }

        return offsets;
    }

    // A relative slack of 1e-9 lets a circle sit exactly at its touching candidate despite round-off.
    private static bool Clear(double dx, double dy, double d2) => dx * dx + dy * dy >= d2 * (1 - 1e-9);
}
