using MscStats.Data;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Results;
using NUnit.Framework;

namespace MscStats.Tests.Results;

/// <summary>Messages that say what happened: the level's label and the reason a statistic is undefined.</summary>
public class MessageTests
{
    [TestCase(0.95, "95%")]
    [TestCase(0.999, "99.9%")]
    [TestCase(0.999999, "99.9999%")]
    [TestCase(0.9999999999, "99.99999999%")]
    public void Level_NeverPrintsAsOneHundredPercent(double level, string text)
        => Assert.That(ConfidenceLevel.FromProbability(level).ToString(), Is.EqualTo(text));

    [Test]
    public void BrunnerMunzel_IdenticalArms_SaysTheValuesTie_NotThatTheArmsDoNotOverlap()
    {
        var e = Assert.Throws<AssumptionException>(() => RankTest.BrunnerMunzel(ContinuousSample.Create([5.0, 5, 5], [5.0, 5, 5, 5])))!;
        Assert.That(e.Message, Does.Contain("every value of one arm ties with every value of the other").And.Not.Contain("do not overlap"));
    }

    [Test]
    public void BrunnerMunzel_SeparatedArms_SaysTheyDoNotOverlap()
    {
        var e = Assert.Throws<AssumptionException>(() => RankTest.BrunnerMunzel(ContinuousSample.Create([7.0, 7, 7], [1.0, 1, 1])))!;
        Assert.That(e.Message, Does.Contain("the arms do not overlap: every value of one arm lies above every value of the other"));
    }
}
