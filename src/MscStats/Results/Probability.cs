using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// A probability in the closed interval [0, 1], such as a p-value or a significance level α.
/// </summary>
/// <remarks>
/// Validated on construction; NaN and infinities are rejected. Serialised to JSON as a plain number.
/// Immutable and thread safe.
/// </remarks>
[JsonConverter(typeof(ProbabilityJsonConverter))]
public readonly record struct Probability : IComparable<Probability>
{
    private Probability(double value) => Value = value;

    /// <summary>The conventional significance level 0.05.</summary>
    public static Probability Alpha05 { get; } = new(0.05);

    /// <summary>The significance level 0.01.</summary>
    public static Probability Alpha01 { get; } = new(0.01);

    /// <summary>The probability as a number in [0, 1].</summary>
    public double Value { get; }

    /// <summary>Creates a probability.</summary>
    /// <param name="value">A number in [0, 1].</param>
    /// <returns>The validated probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside [0, 1] or is not finite.</exception>
    public static Probability FromValue(double value) => new(Guard.ClosedInterval(value, 0.0, 1.0, nameof(value)));

    /// <summary>Converts a number to a probability; see <see cref="FromValue"/>.</summary>
    /// <param name="value">A number in [0, 1].</param>
    public static explicit operator Probability(double value) => FromValue(value);

    /// <inheritdoc />
    public int CompareTo(Probability other) => Value.CompareTo(other.Value);

    /// <summary>Compares two probabilities.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    public static bool operator <(Probability left, Probability right) => left.CompareTo(right) < 0;

    /// <summary>Compares two probabilities.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    public static bool operator >(Probability left, Probability right) => left.CompareTo(right) > 0;

    /// <summary>Compares two probabilities.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    public static bool operator <=(Probability left, Probability right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two probabilities.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    public static bool operator >=(Probability left, Probability right) => left.CompareTo(right) >= 0;

    /// <summary>The value in invariant culture, round-trippable.</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

internal sealed class ProbabilityJsonConverter : JsonConverter<Probability>
{
    public override Probability Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Probability.FromValue(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, Probability value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value.Value);
}
