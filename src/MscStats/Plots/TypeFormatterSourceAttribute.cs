using System;

namespace MscStats.Plots;

/// <summary>
/// Marks a type for display in .NET Interactive (Polyglot) notebooks without a reference to a notebook package.
/// </summary>
/// <remarks>
/// .NET Interactive looks, on a value's type, for attributes whose type is named <c>TypeFormatterSourceAttribute</c> in
/// any namespace (matched by name), creates the type in <see cref="FormatterSourceType"/> with its public parameterless
/// constructor, calls its public <c>CreateTypeFormatters()</c>, and registers every returned object that has a
/// <c>string MimeType</c> property, an optional <c>Type Type</c> property and a public
/// <c>bool Format(object instance, TextWriter writer)</c> method; <see cref="PreferredMimeTypes"/> is read the same way
/// (dotnet/interactive, <c>Formatter.TryRegisterFromConventionBasedFormatterSources</c>). Internal so that it cannot clash
/// with <c>Microsoft.DotNet.Interactive.Formatting.TypeFormatterSourceAttribute</c> in user code.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>The formatter source: a type with a public parameterless constructor and a public <c>CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types the notebook should prefer for the marked type.</summary>
    public string[]? PreferredMimeTypes { get; init; }
}
