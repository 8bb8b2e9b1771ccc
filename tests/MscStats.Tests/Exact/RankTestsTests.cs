using System;
using System.Collections.Generic;
using MscStats.Data;
using MscStats.Exact;
using MscStats.Results;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Exact;

/// <summary>
/// The exact Wilcoxon-Mann-Whitney test against Reference/rank-tests.csv: R 4.2.2 coin wilcox_test(distribution =
/// "exact") on mid-ranks (tools/reference/rank_tests.R), including the peer workload's heavily tied ordinal arms.
/// Tolerance: 1e-10 relative (both count the exact distribution in floating point).
/// </summary>
public class RankTestsTests
{
    private static readonly ReferenceTable Ref = ReferenceTable.Load("rank-tests.csv");

    private static IEnumerable<string> Cases() => Ref.Cases;

    private static ContinuousSample Sample(string c) => ContinuousSample.Create(Ref.Data(c, "data_x"), Ref.Data(c, "data_y"));

    [TestCaseSource(nameof(Cases))]
    public void WilcoxonMannWhitney_MatchesCoin(string c)
    {
        var d = RankTestOptions.Default;
        var two = RankTests.WilcoxonMannWhitney(Sample(c));
        Ref.AssertNear(two.Statistic, c, "w", 1e-15);
        Ref.AssertNear(two.PValue.Value, c, "p_two_abs", 1e-10);
        Ref.AssertNear(RankTests.WilcoxonMannWhitney(Sample(c), d with { Alternative = Alternative.Greater }).PValue.Value, c, "p_greater", 1e-10);
        Ref.AssertNear(RankTests.WilcoxonMannWhitney(Sample(c), d with { Alternative = Alternative.Less }).PValue.Value, c, "p_less", 1e-10);
        Ref.AssertNear(RankTests.WilcoxonMannWhitney(Sample(c), d with { TwoSided = PermutationTwoSided.Doubling }).PValue.Value, c, "p_two_doubling", 1e-10);
    }

    [Test]
    public void PeerOrdinal_MatchesThePublishedFigures()
    {
        // Peer workload W3 (coin and exactRankTests agree): 0.751311 (12v13), 0.00142501 (25v25), 7.75416e-5 (50v50).
        Assert.That(RankTests.WilcoxonMannWhitney(Sample("peer-ordinal-12v13")).PValue.Value, Is.EqualTo(0.751311).Within(5e-7));
        Assert.That(RankTests.WilcoxonMannWhitney(Sample("peer-ordinal-25v25")).PValue.Value, Is.EqualTo(0.00142501).Within(5e-9));
        Assert.That(RankTests.WilcoxonMannWhitney(Sample("peer-ordinal-50v50")).PValue.Value, Is.EqualTo(7.75416e-5).Within(5e-10));
    }

    [Test]
    public void BeyondExactReach_ThrowsNamingTheLimit()
    {
        var big = ContinuousSample.Create(new double[300], new double[300]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RankTests.WilcoxonMannWhitney(big));
        Assert.That(e!.ParamName, Is.EqualTo("sample"));
        Assert.That(e.Message, Does.Contain("limit of 20000000").And.Contain("Monte Carlo"));
    }
}
