using System;
using MscStats.Exceptions;

namespace MscStats.Exact;

/// <summary>The check the null-distribution samples share: every value a double can hold.</summary>
internal static class NullValues
{
    /// <summary>The values, refused when one lies beyond ±1.8e308 (a statistic of data near the end of double precision).</summary>
    public static double[] Finite(double[] values, string paramName)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new AssumptionException(
                    AssumptionReason.WrongKindOfData,
                    "null distribution",
                    "a value of the null distribution of these data is beyond double precision (magnitude above 1.8e308); rescale the data (e.g. change its unit): the distribution scales with the data.",
                    paramName);
            }
        }

        return values;
    }
}
