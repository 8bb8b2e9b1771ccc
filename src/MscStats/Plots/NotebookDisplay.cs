using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using MscStats.Internal;

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

/// <summary>
/// The notebook formatter source for any type <typeparamref name="T"/> with a public parameterless <c>ToHtml()</c> method
/// returning a string, such as <see cref="Figure"/>: it yields one <see cref="HtmlFormatter{T}"/>.
/// </summary>
/// <typeparam name="T">The type to display.</typeparam>
/// <remarks>
/// <para>
/// To display another type of this library as HTML in a notebook, give it a public <c>string ToHtml()</c> and the
/// (internal) attribute <c>[TypeFormatterSource(typeof(HtmlFormatterSource&lt;TheType&gt;), PreferredMimeTypes = new[] { "text/html" })]</c>
/// from the <c>MscStats.Plots</c> namespace. No other code is needed.
/// </para>
/// <para>Immutable and thread safe.</para>
/// </remarks>
public sealed class HtmlFormatterSource<T>
{
    /// <summary>The MIME type of the formatters, <c>text/html</c>.</summary>
    public const string MimeType = "text/html";

    /// <summary>The formatters for <typeparamref name="T"/>: one that writes <c>ToHtml()</c>.</summary>
    /// <returns>The formatters.</returns>
    public IEnumerable<object> CreateTypeFormatters() => [new HtmlFormatter<T>()];
}

/// <summary>
/// Writes the <c>ToHtml()</c> text of a <typeparamref name="T"/> for a notebook: the formatter object that
/// <see cref="HtmlFormatterSource{T}"/> yields, shaped as .NET Interactive expects by convention.
/// </summary>
/// <typeparam name="T">The type formatted; it must have a public parameterless instance method <c>ToHtml()</c> returning a string.</typeparam>
/// <remarks>Immutable and thread safe.</remarks>
public sealed class HtmlFormatter<T>
{
    private static readonly MethodInfo? ToHtmlMethod = typeof(T).GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { } m
        && m.ReturnType == typeof(string) ? m : null;

    /// <summary>The type formatted, <typeparamref name="T"/>.</summary>
    public Type Type => typeof(T);

    /// <summary>The MIME type written, <c>text/html</c>.</summary>
    public string MimeType => HtmlFormatterSource<T>.MimeType;

    /// <summary>Writes the HTML of <paramref name="instance"/>.</summary>
    /// <param name="instance">The value to format.</param>
    /// <param name="writer">Where to write.</param>
    /// <returns>Whether anything was written: false when <paramref name="instance"/> is not a <typeparamref name="T"/> or <typeparamref name="T"/> has no suitable <c>ToHtml()</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public bool Format(object instance, TextWriter writer)
    {
        Guard.NotNull(writer);
        if (instance is not T || ToHtmlMethod is null || ToHtmlMethod.Invoke(instance, null) is not string html)
        {
            return false;
        }

        writer.Write(html);
        return true;
    }
}
