using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using MscStats.Internal.Validation;

namespace MscStats.Results;

/// <summary>
/// Reads and writes results as JSON with System.Text.Json: camelCase names, enums as strings,
/// confidence levels and probabilities as plain numbers. A result written and read back is equal to
/// the original.
/// </summary>
/// <remarks>Thread safe.</remarks>
public static class MscStatsJson
{
    /// <summary>The serializer options used by <see cref="Serialize{T}"/> and <see cref="Deserialize{T}"/>.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes <paramref name="value"/> as indented JSON.</summary>
    /// <typeparam name="T">A result type.</typeparam>
    /// <param name="value">The result.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Serialize<T>(T value)
        where T : class
        => JsonSerializer.Serialize(Guard.NotNull(value), Options);

    /// <summary>Reads a result written by <see cref="Serialize{T}"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json)
        where T : class
        => JsonSerializer.Deserialize<T>(Guard.NotNull(json), Options)
           ?? throw new JsonException("The JSON text is 'null', not a " + typeof(T).Name + ".");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
