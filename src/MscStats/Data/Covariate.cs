using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MscStats.Internal.Validation;

namespace MscStats.Data;

/// <summary>A further covariate of a baseline-adjusted analysis (besides the baseline), such as a stratum indicator: one finite value per subject.</summary>
/// <remarks>Immutable and thread safe.</remarks>
public sealed class Covariate
{
    private Covariate(string name, ImmutableDictionary<string, double> values)
    {
        Name = name;
        Values = values;
    }

    /// <summary>The covariate's name.</summary>
    public string Name { get; }

    /// <summary>The value of each subject (subject id → value).</summary>
    public ImmutableDictionary<string, double> Values { get; }

    /// <summary>Creates a covariate.</summary>
    /// <param name="name">The name; non-blank.</param>
    /// <param name="values">The value of each subject; finite.</param>
    /// <returns>The covariate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is blank, or a value is not finite (the message names the subject).</exception>
    public static Covariate Create(string name, IReadOnlyDictionary<string, double> values)
    {
        Guard.NotBlank(name);
        Guard.NotNull(values);
        var builder = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (subject, value) in values)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("must be finite; subject '" + subject + "' has " + Guard.Format(value) + ".", nameof(values));
            }

            builder[subject] = value;
        }

        return new Covariate(name.Trim(), builder.ToImmutable());
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
