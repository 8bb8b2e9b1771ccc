using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using MscStats.Data;
using MscStats.Exceptions;

namespace MscStats.Internal.Validation;

/// <summary>Validation and missing-value handling shared by the sample types.</summary>
internal static class ArmGuard
{
    /// <summary>Copies an arm's values, rejecting null, NaN, infinities and an empty arm.</summary>
    public static ImmutableArray<double> Values(IEnumerable<double> values, string armLabel, string paramName)
    {
        if (values is null)
        {
            throw new ArgumentNullException(paramName);
        }

        var copy = values.ToImmutableArray();
        Guard.AllFinite(copy.AsSpan(), paramName);
        NotEmpty(copy.Length, armLabel, paramName);
        return copy;
    }

    public static void NotEmpty(int count, string armLabel, string paramName)
    {
        if (count == 0)
        {
            throw new AssumptionException(
                AssumptionReason.EmptyArm, armLabel, "arm '" + armLabel + "' has no values; every arm needs at least one.", paramName);
        }
    }

    /// <summary>Requires at least <paramref name="minimum"/> values in an arm (e.g. 2 for a variance).</summary>
    public static void AtLeast(int count, int minimum, string armLabel, string paramName, string why)
    {
        if (count < minimum)
        {
            throw new AssumptionException(
                AssumptionReason.TooFewObservations,
                armLabel,
                string.Create(CultureInfo.InvariantCulture, $"arm '{armLabel}' has n = {count}; {why} needs n >= {minimum}."),
                paramName);
        }
    }

    /// <summary>Requires at least <paramref name="minimum"/> values in each arm of a two-arm sample.</summary>
    public static void BothArmsAtLeast(ContinuousSample sample, int minimum, string paramName, string why)
    {
        AtLeast(sample.Treated.Length, minimum, sample.Arms.Treated, paramName, why);
        AtLeast(sample.Control.Length, minimum, sample.Arms.Control, paramName, why);
    }

    /// <summary>Requires a positive spread (SD or variance) where a method divides by it.</summary>
    public static void PositiveSpread(double spread, string what, string paramName)
    {
        if (!(spread > 0))
        {
            throw new AssumptionException(
                AssumptionReason.ZeroVariance, what, "the " + what + " is 0 (the values of each arm are equal, or differ by less than about 1e-440 of the largest magnitude, where the standardized difference would be beyond double precision), so the standardized difference is undefined.", paramName);
        }
    }

    /// <summary>
    /// Applies a missing-data policy to values where null marks a missing value. Under
    /// <see cref="MissingDataPolicy.Reject"/> a missing value throws; under
    /// <see cref="MissingDataPolicy.CompleteCases"/> it is dropped and counted.
    /// </summary>
    public static ImmutableArray<double> ApplyPolicy(
        IReadOnlyList<double?> values, MissingDataPolicy policy, string armLabel, string subject, string paramName, out int removed)
    {
        if (values is null)
        {
            throw new ArgumentNullException(paramName);
        }

        Guard.Defined(policy, nameof(policy));
        var kept = ImmutableArray.CreateBuilder<double>(values.Count);
        removed = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is double v)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException(
                        "must contain only finite numbers or null for missing; element [" + Guard.Format(i) + "] is " + Guard.Format(v) + ".",
                        paramName);
                }

                kept.Add(v);
            }
            else if (policy == MissingDataPolicy.Reject)
            {
                throw MissingRejected(subject, armLabel, "element [" + Guard.Format(i) + "]", paramName);
            }
            else
            {
                removed++;
            }
        }

        return kept.ToImmutable();
    }

    public static AssumptionException MissingRejected(string subject, string armLabel, string where, string paramName)
        => new(
            AssumptionReason.MissingValues,
            subject,
            "'" + subject + "' has a missing value in arm '" + armLabel + "' at " + where
            + "; pass MissingDataPolicy.CompleteCases to analyse complete cases, which records what was removed.",
            paramName);
}
