using System.Collections.Generic;

namespace MscStats.Plots;

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
