using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// A confidence level: a probability strictly between 0 and 1, such as 0.95 for a 95% interval.
/// </summary>
/// <remarks>
/// The value is validated on construction, so an instance always holds a level in (0, 1).
/// The <c>default</c> value of the struct is not a valid level; use <see cref="L95"/> or
/// <see cref="FromProbability"/>. Serialised to JSON as a plain number. Immutable and thread safe.
/// </remarks>
[JsonConverter(typeof(ConfidenceLevelJsonConverter))]
public readonly record struct ConfidenceLevel : IComparable<ConfidenceLevel>
{
    private ConfidenceLevel(double value) => Value = value;

    /// <summary>The 80% level (0.80).</summary>
    public static ConfidenceLevel L80 { get; } = new(0.80);

    /// <summary>The 90% level (0.90).</summary>
    public static ConfidenceLevel L90 { get; } = new(0.90);

    /// <summary>The 95% level (0.95), the default throughout the library.</summary>
    public static ConfidenceLevel L95 { get; } = new(0.95);

    /// <summary>The 99% level (0.99).</summary>
    public static ConfidenceLevel L99 { get; } = new(0.99);

    /// <summary>The 99.9% level (0.999).</summary>
    public static ConfidenceLevel L999 { get; } = new(0.999);

    /// <summary>The level as a probability in (0, 1).</summary>
    public double Value { get; }

    /// <summary>The complementary error probability, α = 1 − level.</summary>
    public double Alpha => 1.0 - Value;

    /// <summary>Creates a level from a probability.</summary>
    /// <param name="value">The level, strictly between 0 and 1 (e.g. 0.95).</param>
    /// <returns>The validated level.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not in (0, 1) or is not finite.</exception>
    public static ConfidenceLevel FromProbability(double value) => new(Guard.OpenInterval(value, 0.0, 1.0, nameof(value)));

    /// <summary>Creates a level from a percentage.</summary>
    /// <param name="percent">The level in percent, strictly between 0 and 100 (e.g. 95).</param>
    /// <returns>The validated level.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not in (0, 100) or is not finite.</exception>
    public static ConfidenceLevel FromPercent(double percent) => new(Guard.OpenInterval(percent, 0.0, 100.0, nameof(percent)) / 100.0);

    /// <summary>Converts a probability to a level; see <see cref="FromProbability"/>.</summary>
    /// <param name="value">The level, strictly between 0 and 1.</param>
    public static explicit operator ConfidenceLevel(double value) => FromProbability(value);

    /// <inheritdoc />
    public int CompareTo(ConfidenceLevel other) => Value.CompareTo(other.Value);

    /// <summary>Compares two levels.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    public static bool operator <(ConfidenceLevel left, ConfidenceLevel right) => left.CompareTo(right) < 0;

    /// <summary>Compares two levels.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    public static bool operator >(ConfidenceLevel left, ConfidenceLevel right) => left.CompareTo(right) > 0;

    /// <summary>Compares two levels.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    public static bool operator <=(ConfidenceLevel left, ConfidenceLevel right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two levels.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    public static bool operator >=(ConfidenceLevel left, ConfidenceLevel right) => left.CompareTo(right) >= 0;

    /// <summary>The level as an invariant-culture percentage, e.g. <c>95%</c> or <c>99.9%</c>.</summary>
    public override string ToString()
    {
        // Enough digits that a level below 100% never prints as "100%" (0.999999 is 99.9999%), and no more than needed.
        double percent = Value * 100.0;
        string text = percent.ToString("0.###", CultureInfo.InvariantCulture);
        for (int digits = 4; text == "100" && digits <= 15; digits++)
        {
            text = percent.ToString("0." + new string('#', digits), CultureInfo.InvariantCulture);
        }

        return text + "%";
    }
}

internal sealed class ConfidenceLevelJsonConverter : JsonConverter<ConfidenceLevel>
{
    public override ConfidenceLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ConfidenceLevel.FromProbability(reader.GetDouble());

    public override void Write(Utf8JsonWriter writer, ConfidenceLevel value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value.Value);
}
