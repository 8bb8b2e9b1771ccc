using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using MscStats.Plots;
using NUnit.Framework;

namespace MscStats.Tests.Plots;

/// <summary>
/// Notebook display by convention. The test repeats what .NET Interactive does when it meets a value of a type it has no
/// formatter for (dotnet/interactive, Formatter.TryRegisterFromConventionBasedFormatterSources): find an attribute whose
/// type is named TypeFormatterSourceAttribute, read its FormatterSourceType, create it, call CreateTypeFormatters(), and
/// use each result's MimeType, Type and Format(object, TextWriter) by reflection.
/// </summary>
public class NotebookDisplayTests
{
    [Test]
    public void Figure_ConventionDiscovery_WritesTheHtml()
    {
        var figure = PlotFixtures.All[0].Build();
        var attribute = typeof(Figure).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>().ToList();

        Assert.That(formatters, Has.Count.EqualTo(1));
        var formatter = formatters[0];
        var type = formatter.GetType();
        using var writer = new StringWriter();
        bool written = (bool)type.GetMethod("Format", new[] { typeof(object), typeof(TextWriter) })!.Invoke(formatter, new object[] { figure, writer })!;
        Assert.Multiple(() =>
        {
            Assert.That(preferred, Is.EqualTo(new[] { "text/html" }));
            Assert.That(type.GetProperty("MimeType")!.GetValue(formatter), Is.EqualTo("text/html"));
            Assert.That(type.GetProperty("Type")!.GetValue(formatter), Is.EqualTo(typeof(Figure)));
            Assert.That(written, Is.True);
            Assert.That(writer.ToString(), Is.EqualTo(figure.ToHtml()));
        });
    }

    [Test]
    public void HtmlFormatter_AnyTypeWithToHtml_IsFormatted()
    {
        using var writer = new StringWriter();
        Assert.That(new HtmlFormatter<WithHtml>().Format(new WithHtml(), writer), Is.True);
        Assert.That(writer.ToString(), Is.EqualTo("<b>hi</b>"));
    }

    [Test]
    public void HtmlFormatter_WrongInstanceOrNoToHtml_WritesNothing()
    {
        using var writer = new StringWriter();
        Assert.Multiple(() =>
        {
            Assert.That(new HtmlFormatter<WithHtml>().Format("not it", writer), Is.False);
            Assert.That(new HtmlFormatter<string>().Format("text", writer), Is.False);
            Assert.That(writer.ToString(), Is.Empty);
            Assert.That(() => new HtmlFormatter<WithHtml>().Format(new WithHtml(), null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("writer"));
        });
    }

    [Test]
    public void TypeFormatterSourceAttribute_IsNotPublic_SoItCannotClashWithTheNotebookPackage()
        => Assert.That(typeof(Figure).Assembly.GetExportedTypes().Select(t => t.Name), Does.Not.Contain("TypeFormatterSourceAttribute"));

    public sealed class WithHtml
    {
        private readonly string _html = "<b>hi</b>";

        public string ToHtml() => _html;
    }
}
