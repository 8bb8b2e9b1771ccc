using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Architecture;

/// <summary>Guards the house rules that the compiler does not check.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Library = typeof(EstimateResult).Assembly;

    private static IEnumerable<Type> PublicTypes() => Library.GetExportedTypes();

    private static IEnumerable<Type> PublicInstanceClasses()
        => PublicTypes().Where(t => t.IsClass && !(t.IsAbstract && t.IsSealed) && !typeof(Exception).IsAssignableFrom(t));

    [Test]
    public void PublicClasses_AreSealed()
        // An abstract options base (UnconditionalOptions) is allowed when no constructor is visible outside the library.
        => Assert.That(
            PublicInstanceClasses()
                .Where(t => !t.IsSealed && !(t.IsAbstract && t.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).All(c => c.IsAssembly || c.IsFamilyAndAssembly || (c.IsFamily && c.GetParameters().Length == 1 && c.GetParameters()[0].ParameterType == t))))
                .Select(t => t.FullName),
            Is.Empty);

    [Test]
    public void PublicResultRecords_ExistInEachResultNamespace()
    {
        // Guards the reflection below against silently checking nothing.
        var records = PublicInstanceClasses().Where(t => t.GetMethod("<Clone>$") is not null).ToList();
        Assert.That(records.Select(t => t.Namespace).Distinct(), Is.SupersetOf(new[] { "MscStats.Results", "MscStats.Descriptives", "MscStats.Data" }));
    }

    [Test]
    public void PublicTypes_AreImmutable()
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes().Where(t => !(t.IsAbstract && t.IsSealed) && !t.IsEnum && !typeof(Exception).IsAssignableFrom(t) && !typeof(Delegate).IsAssignableFrom(t)))
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                // Mutable value types are allowed only where they are internal and documented as such; public types hold readonly state.
                if (!field.IsInitOnly)
                {
                    offenders.Add(type.Name + "." + field.Name + " (non-readonly field)");
                }
            }

            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                var setter = property.SetMethod;
                if (setter is { IsPublic: true } && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                {
                    offenders.Add(type.Name + "." + property.Name + " (public setter)");
                }
            }
        }

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void ResultTypes_HaveNoInitSetters_SoTheyCannotBeChangedWithWith()
    {
        // Options records may be changed with 'with'; results are fixed once computed (their constructors validate).
        var offenders = PublicTypes()
            .Where(t => MscStats.Tests.Results.JsonRoundTripTests.ResultNamespaces.Contains(t.Namespace) && !t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.SetMethod is { IsPublic: true }).Select(p => t.Name + "." + p.Name));
        Assert.That(offenders, Is.Empty);
    }

    [TestCase("System", "Random")]
    [TestCase("System", "Console")]
    public void Library_DoesNotReference(string ns, string name)
    {
        using var stream = File.OpenRead(Library.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(r => metadata.GetString(r.Namespace) + "." + metadata.GetString(r.Name))
            .ToList();
        Assert.That(referenced, Does.Contain("System.Object"), "the metadata scan must see ordinary references");
        Assert.That(referenced, Does.Not.Contain(ns + "." + name));
    }

    [Test]
    public void Library_HasXmlDocumentationForEveryPublicType()
    {
        string xmlPath = Path.ChangeExtension(Library.Location, ".xml");
        Assert.That(File.Exists(xmlPath), Is.True, "the library must ship its XML documentation");
        string xml = File.ReadAllText(xmlPath);
        var undocumented = PublicTypes().Where(t => !xml.Contains("\"T:" + t.FullName!.Replace('+', '.'), StringComparison.Ordinal)).Select(t => t.FullName);
        Assert.That(undocumented, Is.Empty);
    }

    [Test]
    public void Exceptions_AreSealedAndDeriveFromBclTypes()
    {
        var exceptions = PublicTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();
        Assert.That(exceptions, Is.Not.Empty);
        Assert.That(exceptions.Where(t => !t.IsSealed || t.BaseType!.Assembly == Library).Select(t => t.Name), Is.Empty);
    }

    [Test]
    public void EveryPublicType_LivesInAFileOfItsName()
    {
        // One public type per file (the static EquatableArray factory sits with EquatableArray<T>, the C# pattern for a
        // generic type's helpers). Read from the sources, so a second public type in a file fails here.
        var declaration = new System.Text.RegularExpressions.Regex(
            @"^public (?:sealed |static |abstract |readonly |partial )*(?:record struct|record|class|struct|enum|interface) (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        var offenders = new List<string>();
        int files = 0;
        foreach (var path in Directory.EnumerateFiles(Infrastructure.Repository.File("src", "MscStats"), "*.cs", SearchOption.AllDirectories))
        {
            if (path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            files++;
            string name = Path.GetFileNameWithoutExtension(path);
            var declared = declaration.Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value).ToList();
            if (declared.Any(d => d != name))
            {
                offenders.Add(Path.GetFileName(path) + ": " + string.Join(", ", declared));
            }
        }

        Assert.That(files, Is.GreaterThan(100), "the scan must see the library's sources");
        Assert.That(offenders, Is.Empty);
    }
}
