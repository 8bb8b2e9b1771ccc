using System;
using System.IO;
using System.Reflection;
using MscStats.Internal.Validation;

namespace MscStats.Plots;

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
