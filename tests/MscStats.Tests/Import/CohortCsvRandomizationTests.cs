using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MscStats.Data;
using MscStats.Import;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Import;

/// <summary>The optional <c>block</c> and <c>stratum</c> columns of a cohort CSV, their rules, and their mapping to <see cref="RandomizationScheme"/>.</summary>
public class CohortCsvRandomizationTests
{
    private static readonly CohortCsvOptions Options = CohortCsvOptions.Default with { Arms = new ArmLabels("MSC", "Control") };

    // Two strata, two blocks of 1:1 in each, numbered 1 and 2 within each stratum (so block "1" occurs in both strata).
    private static readonly string[] Nested =
    [
        "m1,MSC,young,1", "c1,Control,young,1",
        "m2,MSC,young,2", "c2,Control,young,2",
        "m3,MSC,old,1", "c3,Control,old,1",
        "c4,Control,old,2", "m4,MSC,old,2",
    ];

    // The same subjects with their stratum only.
    private static readonly string[] StrataOnly = Nested.Select(r => r[..r.LastIndexOf(',')]).ToArray();

    // The same subjects in four blocks with ids unique across the trial.
    private static readonly string[] BlocksOnly =
    [
        "m1,MSC,B1", "c1,Control,B1", "m2,MSC,B2", "c2,Control,B2", "m3,MSC,B3", "c3,Control,B3", "c4,Control,B4", "m4,MSC,B4",
    ];

    private static readonly string[] NoGroups = Nested.Select(r => string.Join(',', r.Split(',')[..2])).ToArray();

    private static Study Read(string text, CohortCsvOptions? options = null) => CohortCsv.Read(new StringReader(text), options ?? Options, "test.csv");

    /// <summary>
    /// A cohort file with outcome IgM at baseline and follow-up for each subject, in the given layout. Each subject string
    /// holds the leading cells (subject, arm, then <paramref name="groupColumns"/>); the subject's two rows follow each other,
    /// so subject i (0-based) is on lines 2 + 2i and 3 + 2i. The values are arbitrary, distinct and finite.
    /// </summary>
    private static string Cohort(CsvLayout layout, string groupColumns, IEnumerable<string> subjects)
    {
        var lead = groupColumns.Length == 0 ? "subject,arm" : "subject,arm," + groupColumns;
        var text = new System.Text.StringBuilder(lead + (layout == CsvLayout.Wide ? ",time,IgM [g/L]\n" : ",time,outcome,unit,value\n"));
        int i = 0;
        foreach (var subject in subjects)
        {
            foreach (var (time, value) in new[] { ("baseline", 1.0 + (0.1 * i)), ("follow-up", 2.0 + (0.37 * ((i * 5) % 8))) })
            {
                var v = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                text.Append(subject).Append(',').Append(time).Append(layout == CsvLayout.Wide ? "," + v : ",IgM,g/L," + v).Append('\n');
            }

            i++;
        }

        return text.ToString();
    }

    private static readonly CsvLayout[] Layouts = [CsvLayout.Tidy, CsvLayout.Wide];

    private static Dictionary<string, string> Map(params string[] pairs)
        => pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static readonly Dictionary<string, string> NestedStrata =
        Map("m1=young", "c1=young", "m2=young", "c2=young", "m3=old", "c3=old", "m4=old", "c4=old");

    // ----- mapping to the scheme -----

    [TestCaseSource(nameof(Layouts))]
    public void Read_StratumColumn_DeclaresStratifiedSchemeAndStrata(CsvLayout layout)
    {
        var study = Read(Cohort(layout, "stratum", StrataOnly));
        Assert.Multiple(() =>
        {
            Assert.That(study.Randomization!.Kind, Is.EqualTo(RandomizationKind.Stratified));
            Assert.That(study.Randomization.Groups, Is.EquivalentTo(NestedStrata));
            Assert.That(study.Randomization.GroupIds, Is.EqualTo(new[] { "old", "young" }));
            Assert.That(study.Randomization.Description, Is.EqualTo("stratified (2 strata)"));
            Assert.That(study.Strata, Is.EquivalentTo(NestedStrata));
            Assert.That(study.Outcomes.Select(o => o.ToString()), Is.EqualTo(new[] { "IgM [g/L]" }));
            Assert.That(study.Observations, Has.Length.EqualTo(16));
        });
    }

    [TestCaseSource(nameof(Layouts))]
    public void Read_BlockColumn_DeclaresPermutedBlocksOneToOneWithoutStrata(CsvLayout layout)
    {
        var study = Read(Cohort(layout, "block", BlocksOnly));
        Assert.Multiple(() =>
        {
            Assert.That(study.Randomization!.Kind, Is.EqualTo(RandomizationKind.PermutedBlocks));
            Assert.That(study.Randomization.Groups, Is.EquivalentTo(Map("m1=B1", "c1=B1", "m2=B2", "c2=B2", "m3=B3", "c3=B3", "m4=B4", "c4=B4")));
            Assert.That((study.Randomization.AllocationTreated, study.Randomization.AllocationControl), Is.EqualTo((1, 1)));
            Assert.That(study.Randomization.Description, Is.EqualTo("permuted blocks (4 blocks, 1:1)"));
            Assert.That(study.Strata, Is.Empty);
            Assert.That(study.Outcomes.Select(o => o.Name), Is.EqualTo(new[] { "IgM" }));
        });
    }

    [TestCaseSource(nameof(Layouts))]
    public void Read_BlockAndStratumColumns_BlocksQualifiedByStratumAndStrataSet(CsvLayout layout)
    {
        var study = Read(Cohort(layout, "stratum,block", Nested));
        Assert.Multiple(() =>
        {
            Assert.That(study.Randomization!.Kind, Is.EqualTo(RandomizationKind.PermutedBlocks));
            Assert.That(study.Randomization.Groups, Is.EquivalentTo(Map(
                "m1=young/1", "c1=young/1", "m2=young/2", "c2=young/2", "m3=old/1", "c3=old/1", "m4=old/2", "c4=old/2")));
            Assert.That(study.Randomization.GroupIds, Is.EqualTo(new[] { "old/1", "old/2", "young/1", "young/2" }));
            Assert.That(study.Strata, Is.EquivalentTo(NestedStrata));
        });
    }

    [TestCaseSource(nameof(Layouts))]
    public void Read_NeitherColumn_DeclaresNoSchemeAndNoStrata(CsvLayout layout)
    {
        var study = Read(Cohort(layout, string.Empty, NoGroups));
        Assert.Multiple(() =>
        {
            Assert.That(study.Randomization, Is.Null);
            Assert.That(study.Strata, Is.Empty);
        });
    }

    [Test]
    public void Read_ColumnOrderAndCase_DoNotMatter()
    {
        var study = Read("Block,subject,STRATUM,arm,outcome,value\n1,m1,S1,MSC,x,1\n1,c1,S1,Control,x,2\n1,m2,S2,MSC,x,3\n1,c2,S2,Control,x,4\n");
        Assert.That(study.Randomization!.Groups, Is.EquivalentTo(Map("m1=S1/1", "c1=S1/1", "m2=S2/1", "c2=S2/1")));
    }

    [Test]
    public void Read_GroupIdsAreTrimmed()
    {
        var study = Read("subject,arm,block,outcome,value\nm1,MSC, B1 ,x,1\nc1,Control,B1,x,2\nm1,MSC,B1 ,y,1\n");
        Assert.That(study.Randomization!.GroupIds, Is.EqualTo(new[] { "B1" }));
    }

    [Test]
    public void Read_BlockAllocation_IsPassedToTheScheme()
    {
        var study = Read(Cohort(CsvLayout.Wide, "block", TwoToOne), Options with { BlockAllocation = (2, 1) });
        Assert.Multiple(() =>
        {
            Assert.That((study.Randomization!.AllocationTreated, study.Randomization.AllocationControl), Is.EqualTo((2, 1)));
            Assert.That(study.Randomization.Description, Is.EqualTo("permuted blocks (3 blocks, 2:1)"));
        });
    }

    [TestCaseSource(nameof(UngroupedSchemes))]
    public void Read_OptionsRandomization_WithoutGroupColumns_IsDeclared(RandomizationScheme scheme)
    {
        var study = Read(Cohort(CsvLayout.Tidy, string.Empty, NoGroups), Options with { Randomization = scheme });
        Assert.Multiple(() =>
        {
            Assert.That(study.Randomization, Is.SameAs(scheme));
            Assert.That(study.Strata, Is.Empty);
        });
    }

    private static IEnumerable<TestCaseData> UngroupedSchemes()
    {
        yield return new TestCaseData(RandomizationScheme.Complete).SetName("Read_OptionsRandomization_Complete_IsDeclared");
        yield return new TestCaseData(RandomizationScheme.Simple()).SetName("Read_OptionsRandomization_SimpleUnconditional_IsDeclared");
        yield return new TestCaseData(RandomizationScheme.Simple(conditionalOnArmSizes: true)).SetName("Read_OptionsRandomization_SimpleConditional_IsDeclared");
    }

    // ----- malformed group columns and conflicting options -----

    // Each case: the problem, the 1-based line in the file (comments count), and the column.
    private static IEnumerable<TestCaseData> Malformed()
    {
        yield return Case(
            "tidy inconsistent stratum",
            "subject,arm,stratum,outcome,value\nm1,MSC,S1,x,1\nc1,Control,S1,x,2\nm1,MSC,S2,y,3\n",
            CsvProblem.InconsistentGroup, 4, "stratum");
        yield return Case(
            "wide inconsistent block",
            "# trial\nsubject,arm,block,time,IgM\nm1,MSC,B1,pre,1\nc1,Control,B1,pre,2\nm1,MSC,B1,post,1\nc1,Control,B2,post,2\n",
            CsvProblem.InconsistentGroup, 6, "block");
        yield return Case(
            "block ids differing in case",
            "subject,arm,block,outcome,value\nm1,MSC,B1,x,1\nc1,Control,B1,x,2\nm1,MSC,b1,y,3\n",
            CsvProblem.InconsistentGroup, 4, "block");
        yield return Case(
            "blank block",
            "subject,arm,block,outcome,value\nm1,MSC,B1,x,1\nc1,Control,,x,2\n",
            CsvProblem.BlankField, 3, "block");
        yield return Case(
            "stratum blank on a later row of the subject",
            "subject,arm,stratum,outcome,value\nm1,MSC,S1,x,1\nc1,Control,S1,x,2\n\nm1,MSC,,y,3\n",
            CsvProblem.BlankField, 5, "stratum");
        yield return Case(
            "stratum blank on the first row of the subject",
            "subject,arm,time,stratum,IgM\nm1,MSC,pre,,1\nm1,MSC,post,S1,2\n",
            CsvProblem.BlankField, 2, "stratum");
        yield return Case(
            "wide NA stratum",
            "subject,arm,stratum,IgM\nm1,MSC,S1,1\nc1,Control,NA,2\n",
            CsvProblem.BlankField, 3, "stratum");
        yield return Case(
            "custom missing token as block",
            "subject,arm,block,outcome,value\nm1,MSC,.,x,1\n",
            CsvProblem.BlankField, 2, "block", Options with { MissingTokens = ["", "."] });
        yield return Case(
            "declared simple with block column",
            "# trial\nsubject,arm,block,outcome,value\nm1,MSC,B1,x,1\nc1,Control,B1,x,2\n",
            CsvProblem.RandomizationConflict, 2, "block", Options with { Randomization = RandomizationScheme.Simple() });
        yield return Case(
            "declared complete with stratum column",
            "subject,arm,stratum,IgM\nm1,MSC,S1,1\nc1,Control,S1,2\n",
            CsvProblem.RandomizationConflict, 1, "stratum", Options with { Randomization = RandomizationScheme.Complete });
        yield return Case(
            "allocation without block column",
            "subject,arm,stratum,outcome,value\nm1,MSC,S1,x,1\nc1,Control,S1,x,2\n",
            CsvProblem.RandomizationConflict, 1, null, Options with { BlockAllocation = (2, 1) });
    }

    private static TestCaseData Case(string name, string text, CsvProblem problem, int line, string? column, CohortCsvOptions? options = null)
        => new TestCaseData(text, options ?? Options, problem, line, column).SetName("Read_MalformedGroups_" + name.Replace(' ', '_'));

    [TestCaseSource(nameof(Malformed))]
    public void Read_MalformedGroups_ReportsProblemLineAndColumn(string text, CohortCsvOptions options, CsvProblem problem, int line, string? column)
    {
        var e = Assert.Throws<CohortFormatException>(() => Read(text, options));
        Assert.Multiple(() =>
        {
            Assert.That(e!.Problem, Is.EqualTo(problem), e.Message);
            Assert.That(e.Line, Is.EqualTo(line), e.Message);
            Assert.That(e.Column, Is.EqualTo(column), e.Message);
            Assert.That(e.Message, Does.StartWith("test.csv, line " + line));
        });
    }

    [Test]
    public void Read_InconsistentGroup_MessageNamesSubjectColumnBothValuesAndBothLines()
    {
        var e = Assert.Throws<CohortFormatException>(() => Read("subject,arm,stratum,outcome,value\nm1,MSC,S1,x,1\nc1,Control,S1,x,2\nm1,MSC,S2,y,3\n"));
        Assert.That(
            e!.Message,
            Is.EqualTo("test.csv, line 4, column 'stratum': subject 'm1' has stratum 'S2' here but 'S1' on line 2; a subject's stratum is the same on every row."));
    }

    [Test]
    public void Read_BlankGroup_MessageNamesSubjectAndRule()
    {
        var e = Assert.Throws<CohortFormatException>(() => Read("subject,arm,block,outcome,value\nm1,MSC,B1,x,1\nc1,Control,NA,x,2\n"));
        Assert.That(
            e!.Message,
            Is.EqualTo("test.csv, line 3, column 'block': the block of subject 'c1' is missing ('NA'); when the file has a 'block' column, every row gives its subject's block."));
    }

    [Test]
    public void Read_GroupedSchemeInOptions_ThrowsNamingTheOption()
    {
        var options = Options with { Randomization = RandomizationScheme.Stratified(Map("m1=S1", "c1=S1")) };
        var e = Assert.Throws<ArgumentException>(() => Read(Cohort(CsvLayout.Tidy, string.Empty, NoGroups), options));
        Assert.Multiple(() =>
        {
            Assert.That(e!.ParamName, Is.EqualTo("options.Randomization"));
            Assert.That(e.Message, Does.Contain("stratified (1 strata)").And.Contain("'block' and 'stratum' columns"));
        });
    }

    [TestCase(0, 1)]
    [TestCase(1, 0)]
    [TestCase(-2, 1)]
    public void Read_AllocationPartBelowOne_ThrowsNamingTheOption(int treated, int control)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Read(Cohort(CsvLayout.Tidy, "block", BlocksOnly), Options with { BlockAllocation = (treated, control) }));
        Assert.That(e!.ParamName, Is.EqualTo("options.BlockAllocation"));
    }

    // ----- writing and reading back -----

    [TestCaseSource(nameof(Layouts))]
    public void WriteLong_ThenRead_KeepsNestedBlocksAndStrata(CsvLayout layout)
    {
        var study = Read(Cohort(layout, "stratum,block", Nested));
        var text = Write(study);
        var again = Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n')[0], Is.EqualTo("subject,arm,stratum,block,time,outcome,unit,value"));
            Assert.That(text.Split('\n')[1], Does.StartWith("m1,MSC,young,1,baseline,IgM,g/L,"), "the block is written without its stratum qualifier");
            Assert.That(again.Randomization, Is.EqualTo(study.Randomization));
            Assert.That(again.Strata, Is.EquivalentTo(study.Strata));
            Assert.That(again.Observations, Is.EqualTo(study.Observations));
        });
    }

    [Test]
    public void WriteLong_ThenRead_KeepsStrata()
    {
        var study = Read(Cohort(CsvLayout.Wide, "stratum", StrataOnly));
        var text = Write(study);
        var again = Read(text);
        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n')[0], Is.EqualTo("subject,arm,stratum,time,outcome,unit,value"));
            Assert.That(again.Randomization, Is.EqualTo(study.Randomization));
            Assert.That(again.Randomization!.Kind, Is.EqualTo(RandomizationKind.Stratified));
            Assert.That(again.Strata, Is.EquivalentTo(NestedStrata));
        });
    }

    [Test]
    public void WriteLong_ThenRead_KeepsBlocksWhenTheAllocationIsDeclaredAgain()
    {
        var options = Options with { BlockAllocation = (2, 1) };
        var study = Read(Cohort(CsvLayout.Tidy, "block", TwoToOne), options);
        var text = Write(study);
        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n')[0], Is.EqualTo("subject,arm,block,time,outcome,unit,value"));
            Assert.That(Read(text, options).Randomization, Is.EqualTo(study.Randomization));
            Assert.That(Read(text).Randomization!.AllocationTreated, Is.EqualTo(1), "the ratio is not in the file");
        });
    }

    [Test]
    public void WriteLong_WithoutGroups_WritesNoGroupColumns_AndADeclaredSimpleSchemeReadsBackWithTheOption()
    {
        var options = Options with { Randomization = RandomizationScheme.Simple() };
        var study = Read(Cohort(CsvLayout.Wide, string.Empty, NoGroups), options);
        var text = Write(study);
        Assert.Multiple(() =>
        {
            Assert.That(text.Split('\n')[0], Is.EqualTo("subject,arm,time,outcome,unit,value"));
            Assert.That(Read(text, options).Randomization, Is.EqualTo(study.Randomization));
            Assert.That(Read(text).Randomization, Is.Null);
        });
    }

    [Test]
    public void WriteLong_CodeBuiltBlocksWithUnqualifiedIds_ReadBackQualifiedByStratum()
    {
        var source = Read(Cohort(CsvLayout.Tidy, string.Empty, NoGroups));
        var blocks = Map("m1=B1", "c1=B1", "m2=B2", "c2=B2", "m3=B3", "c3=B3", "m4=B4", "c4=B4");
        var study = Study.Create(
            "coded", source.Arms, source.Observations, source.Outcomes, null, RandomizationScheme.PermutedBlocks(blocks), NestedStrata);
        var again = Read(Write(study));
        Assert.Multiple(() =>
        {
            Assert.That(again.Randomization!.Groups, Is.EquivalentTo(blocks.ToDictionary(p => p.Key, p => NestedStrata[p.Key] + "/" + p.Value)));
            Assert.That(again.Strata, Is.EquivalentTo(NestedStrata));
        });
    }

    private static string Write(Study study)
    {
        var text = new StringWriter { NewLine = "\n" };
        CohortCsv.WriteLong(study, text);
        return text.ToString();
    }

    // ----- the baseline-adjusted sample of such a file -----

    [TestCaseSource(nameof(Layouts))]
    public void Baseline_NestedBlocksAndStrata_CarriesTheSchemeAndStratumCovariate(CsvLayout layout)
    {
        var study = Read(Cohort(layout, "stratum,block", Nested));
        var sample = study.Baseline("IgM");
        Assert.Multiple(() =>
        {
            Assert.That(sample.Randomization, Is.SameAs(study.Randomization));
            Assert.That(sample.RandomizationDeclared, Is.True);
            Assert.That(sample.Randomization.Description, Is.EqualTo("permuted blocks (4 blocks, 1:1)"));
            Assert.That(sample.Subjects, Is.EqualTo(new[] { "m1", "m2", "m3", "m4", "c1", "c2", "c3", "c4" }));

            // One indicator per stratum but the first in ordinal order ("old" < "young").
            Assert.That(sample.Covariates.Select(c => c.Name), Is.EqualTo(new[] { "stratum young" }));
            Assert.That(sample.Covariates[0].Values, Is.EquivalentTo(new Dictionary<string, double>
            {
                ["m1"] = 1, ["m2"] = 1, ["c1"] = 1, ["c2"] = 1, ["m3"] = 0, ["m4"] = 0, ["c3"] = 0, ["c4"] = 0,
            }));
            Assert.That(sample.Diagnostics, Is.Empty);
        });
    }

    [Test]
    public void Baseline_StratumOnly_IsStratifiedWithStratumCovariate_UnlessTurnedOff()
    {
        var study = Read(Cohort(CsvLayout.Tidy, "stratum", StrataOnly));
        var sample = study.Baseline("IgM");
        var without = study.Baseline("IgM", BaselineSampleOptions.Default with { StratumCovariates = false });
        Assert.Multiple(() =>
        {
            Assert.That(sample.Randomization.Kind, Is.EqualTo(RandomizationKind.Stratified));
            Assert.That(sample.Randomization.Groups, Is.EquivalentTo(NestedStrata));
            Assert.That(sample.Covariates.Select(c => c.Name), Is.EqualTo(new[] { "stratum young" }));
            Assert.That(sample.Covariates[0].Values["m3"], Is.EqualTo(0.0));
            Assert.That(sample.Covariates[0].Values["c2"], Is.EqualTo(1.0));
            Assert.That(without.Covariates, Is.Empty);
            Assert.That(without.Randomization.Kind, Is.EqualTo(RandomizationKind.Stratified));
        });
    }

    [Test]
    public void Baseline_BlockOnly_HasNoStratumCovariates()
    {
        var sample = Read(Cohort(CsvLayout.Wide, "block", BlocksOnly)).Baseline("IgM");
        Assert.Multiple(() =>
        {
            Assert.That(sample.Randomization.Kind, Is.EqualTo(RandomizationKind.PermutedBlocks));
            Assert.That(sample.Randomization.GroupIds, Is.EqualTo(new[] { "B1", "B2", "B3", "B4" }));
            Assert.That(sample.Covariates, Is.Empty);
        });
    }

    [Test]
    public void Baseline_NoColumns_AssumesCompleteRandomizationUndeclared()
    {
        var sample = Read(Cohort(CsvLayout.Tidy, string.Empty, NoGroups)).Baseline("IgM");
        Assert.Multiple(() =>
        {
            Assert.That(sample.Randomization, Is.SameAs(RandomizationScheme.Complete));
            Assert.That(sample.RandomizationDeclared, Is.False);
            Assert.That(sample.Covariates, Is.Empty);
        });
    }

    [Test]
    public void Baseline_SimpleDeclaredInOptions_IsDeclared()
    {
        var sample = Read(Cohort(CsvLayout.Tidy, string.Empty, NoGroups), Options with { Randomization = RandomizationScheme.Simple() }).Baseline("IgM");
        Assert.Multiple(() =>
        {
            Assert.That(sample.Randomization.Kind, Is.EqualTo(RandomizationKind.Simple));
            Assert.That(sample.Randomization.ConditionalOnArmSizes, Is.False);
            Assert.That(sample.RandomizationDeclared, Is.True);
        });
    }

    // Two blocks of four under 1:1, holding 3:1 and 1:3: the file is well formed, the blocks break the declared allocation.
    private static readonly string[] Unbalanced =
    [
        "m1,MSC,B1", "m2,MSC,B1", "m3,MSC,B1", "c1,Control,B1", "m4,MSC,B2", "c2,Control,B2", "c3,Control,B2", "c4,Control,B2",
    ];

    [Test]
    public void Baseline_BlocksBreakingTheAllocation_ReadsButThrowsNamingTheBlock()
    {
        var study = Read(Cohort(CsvLayout.Wide, "block", Unbalanced));
        Assert.That(study.Randomization!.Kind, Is.EqualTo(RandomizationKind.PermutedBlocks), "the file itself is well formed");
        var e = Assert.Throws<ArgumentException>(() => study.Baseline("IgM"));
        Assert.Multiple(() =>
        {
            Assert.That(e!.ParamName, Is.EqualTo("Randomization"));
            Assert.That(e.Message, Does.Contain("allocation 1:1, but block 'B1' of 4 subjects holds 3 MSC and 1 Control"));
        });
    }

    // Three blocks of three allocated 2:1.
    private static readonly string[] TwoToOne =
    [
        "m1,MSC,B1", "m2,MSC,B1", "c1,Control,B1", "m3,MSC,B2", "c2,Control,B2", "m4,MSC,B2", "c3,Control,B3", "m5,MSC,B3", "m6,MSC,B3",
    ];

    [Test]
    public void Baseline_TwoToOneBlocks_AreCompleteOnlyUnderTheDeclaredRatio()
    {
        var text = Cohort(CsvLayout.Tidy, "block", TwoToOne);
        var declared = Read(text, Options with { BlockAllocation = (2, 1) }).Baseline("IgM");
        var assumed = Read(text).Baseline("IgM");
        Assert.Multiple(() =>
        {
            Assert.That(declared.Diagnostics, Is.Empty);
            Assert.That(declared.SampleSizes, Is.EqualTo(new SampleSizes(6, 3)));

            // Under 1:1 a block of three cannot be complete: each is reported as an incomplete last block.
            Assert.That(assumed.Diagnostics.Select(d => d.Code), Is.EqualTo(Enumerable.Repeat(DiagnosticCodes.IncompleteBlock, 3)));
        });
    }

    [Test]
    public void Baseline_ABlockBrokenByTheRatio_ThrowsWhenTheRatioIsDeclared()
    {
        var study = Read(Cohort(CsvLayout.Tidy, "block", Unbalanced), Options with { BlockAllocation = (3, 1) });

        // Under 3:1, block B1 (3 MSC, 1 Control) is complete and B2 (1 MSC, 3 Control) breaks the ratio.
        var e = Assert.Throws<ArgumentException>(() => study.Baseline("IgM"));
        Assert.That(e!.Message, Does.Contain("allocation 3:1, but block 'B2' of 4 subjects holds 1 MSC and 3 Control"));
    }
}
