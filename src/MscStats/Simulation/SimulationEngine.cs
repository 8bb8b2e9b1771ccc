using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MscStats.Data;
using MscStats.Effects;
using MscStats.Exact;
using MscStats.Exceptions;
using MscStats.Inference;
using MscStats.Internal.Random;
using MscStats.Resampling;
using MscStats.Results;

namespace MscStats.Simulation;

/// <summary>
/// The replicate kernel of <see cref="Simulate"/>: generates one simulated trial from a block's stream and applies the
/// study's method through the library's own verb. One instance serves one block at a time (it owns its buffers); the
/// shared parts (subject ids, labels) are immutable.
/// </summary>
internal sealed class SimulationEngine
{
    private static readonly OutcomeInfo Outcome = new("outcome");
    private static readonly BaselineMissingReport NoneMissing = new(BaselineMissingData.CompleteCases, default, default);

    private readonly SimulationSpec _spec;
    private readonly SimulatedDesign _design;
    private readonly double _alpha;
    private readonly double _truth;
    private readonly double _muTreated, _sigmaTreated, _muControl, _sigmaControl;
    private readonly ImmutableArray<string> _subjects;
    private readonly double[] _treated;
    private readonly double[] _control;
    private readonly double[] _baseline;
    private readonly double[] _followUp;

    public SimulationEngine(SimulationSpec spec)
    {
        _spec = spec;
        _design = spec.Design;
        _alpha = spec.Alpha.Value;
        _truth = _design.Difference;
        int n1 = _design.Treated, n2 = _design.Control;
        _treated = new double[n1];
        _control = new double[n2];
        _baseline = new double[n1 + n2];
        _followUp = new double[n1 + n2];
        if (_design.Distribution == SimulatedDistribution.LogNormal)
        {
            (_muTreated, _sigmaTreated) = LogScale(_design.TreatedMean!.Value, _design.TreatedStandardDeviation!.Value);
            (_muControl, _sigmaControl) = LogScale(_design.ControlMean!.Value, _design.ControlStandardDeviation!.Value);
        }
        else if (_design.Distribution != SimulatedDistribution.Binary)
        {
            (_muTreated, _sigmaTreated) = (_design.TreatedMean!.Value, _design.TreatedStandardDeviation!.Value);
            (_muControl, _sigmaControl) = (_design.ControlMean!.Value, _design.ControlStandardDeviation!.Value);
        }

        if (_design.Distribution == SimulatedDistribution.Baseline)
        {
            _subjects = Enumerable.Range(1, n1).Select(i => "t" + i.ToString(CultureInfo.InvariantCulture))
                .Concat(Enumerable.Range(1, n2).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture))).ToImmutableArray();
        }
    }

    /// <summary>The quantity the method estimates.</summary>
    public static SimulatedQuantity QuantityOf(SimulatedMethod method) => method >= SimulatedMethod.WelchInterval ? SimulatedQuantity.Coverage : SimulatedQuantity.Power;

    /// <summary>The log-scale μ and σ of a lognormal with the given natural-scale mean and SD.</summary>
    internal static (double Mu, double Sigma) LogScale(double mean, double sd)
    {
        double s2 = Math.Log(1 + sd * sd / (mean * mean));
        return (Math.Log(mean) - s2 / 2, Math.Sqrt(s2));
    }

    /// <summary>Runs seed block <paramref name="block"/>: its replicates in order, data from the block's stream.</summary>
    public SimulationBlock RunBlock(ulong seed, int block) => RunBlock(seed, block, [_spec.Method])[0];

    /// <summary>
    /// Runs seed block <paramref name="block"/> for several methods on the same replicates: each replicate's data are
    /// generated once and every method is applied to them, and the bootstrap interval methods share one bootstrap (one
    /// call with every kind they need, from the replicate's inner seed). Each method's tallies are those of a study of
    /// that method alone, bit for bit: the data streams and inner seeds depend on the seed, the block and the replicate only,
    /// and a bootstrap interval does not depend on the other kinds computed beside it.
    /// </summary>
    public SimulationBlock[] RunBlock(ulong seed, int block, IReadOnlyList<SimulatedMethod> methods)
    {
        long first = (long)block * _spec.BlockSize;
        int count = (int)Math.Min(_spec.BlockSize, _spec.Replicates - first);
        var rng = StreamSeeds.Stream(seed, StreamSeeds.SimulationBlocks, (ulong)block);
        int m = methods.Count;
        var undefined = new int[m];
        var hits = new int[m];
        var below = new int[m];
        var above = new int[m];
        var widthSum = new double[m];
        var firstUndefined = new string?[m];
        var outcomes = new ReplicateOutcome[m];
        for (int r = 0; r < count; r++)
        {
            long replicate = first + r;
            ulong innerSeed = StreamSeeds.Derive(seed, StreamSeeds.SimulationInner, (ulong)replicate);
            Replicate(ref rng, innerSeed, methods, outcomes);
            for (int j = 0; j < m; j++)
            {
                var outcome = outcomes[j];
                if (outcome.Undefined is string reason)
                {
                    undefined[j]++;
                    firstUndefined[j] ??= "replicate " + replicate.ToString(CultureInfo.InvariantCulture) + ": " + reason;
                    continue;
                }

                if (outcome.Hit)
                {
                    hits[j]++;
                }
                else if (outcome.Miss < 0)
                {
                    below[j]++;
                }
                else if (outcome.Miss > 0)
                {
                    above[j]++;
                }

                widthSum[j] += outcome.Width;
            }
        }

        var blocks = new SimulationBlock[m];
        for (int j = 0; j < m; j++)
        {
            blocks[j] = new SimulationBlock(block, count, undefined[j], hits[j], below[j], above[j], widthSum[j], firstUndefined[j]);
        }

        return blocks;
    }

    private readonly record struct ReplicateOutcome(bool Hit, int Miss, double Width, string? Undefined);

    /// <summary>Whether the method is a bootstrap interval of the mean difference, and which kind.</summary>
    internal static BootstrapIntervals BootstrapKind(SimulatedMethod method) => method switch
    {
        SimulatedMethod.BootstrapPercentile => BootstrapIntervals.Percentile,
        SimulatedMethod.BootstrapBasic => BootstrapIntervals.Basic,
        SimulatedMethod.BootstrapNormal => BootstrapIntervals.Normal,
        SimulatedMethod.BootstrapStudentized => BootstrapIntervals.Studentized,
        SimulatedMethod.BootstrapBca => BootstrapIntervals.BCa,
        _ => BootstrapIntervals.None,
    };

    private void Replicate(ref Xoshiro256StarStar rng, ulong innerSeed, IReadOnlyList<SimulatedMethod> methods, ReplicateOutcome[] outcomes)
    {
        Generate(ref rng);
        var kinds = BootstrapIntervals.None;
        foreach (var method in methods)
        {
            kinds |= BootstrapKind(method);
        }

        BootstrapResult? bootstrap = null;
        string? bootstrapFailure = null;
        if (kinds != BootstrapIntervals.None)
        {
            bootstrapFailure = Answer(() => bootstrap = Bootstrapped(kinds, innerSeed));
        }

        for (int j = 0; j < methods.Count; j++)
        {
            var method = methods[j];
            var kind = BootstrapKind(method);
            if (kind != BootstrapIntervals.None)
            {
                var interval = bootstrapFailure is null ? bootstrap!.Interval(kind) : null;
                outcomes[j] = interval is not null
                    ? Covers(interval.Interval)
                    : new ReplicateOutcome(false, 0, 0, bootstrapFailure ?? "no " + kind + " interval: " + string.Join("; ", bootstrap!.Diagnostics.Select(d => d.Message)));
                continue;
            }

            var outcome = default(ReplicateOutcome);
            string? failure = Answer(() => outcome = QuantityOf(method) == SimulatedQuantity.Power ? Test(method, innerSeed) : Cover(method));
            outcomes[j] = failure is not null ? new ReplicateOutcome(false, 0, 0, failure) : outcome;
        }
    }

    /// <summary>Runs a method on the replicate; the message when the data broke one of its assumptions (no answer), else null.</summary>
    private static string? Answer(Action analyse)
    {
        try
        {
            analyse();
            return null;
        }
        catch (ArgumentException e) when (e is AssumptionException || e.GetType() == typeof(ArgumentException))
        {
            // The data broke an assumption of the method (a constant arm, a perfect fit, collinear covariates): no answer.
            return e.Message;
        }
    }

    private void Generate(ref Xoshiro256StarStar rng)
    {
        int n1 = _design.Treated, n2 = _design.Control;
        int? decimals = _design.Decimals;
        switch (_design.Distribution)
        {
            case SimulatedDistribution.Binary:
                _treatedEvents = Events(ref rng, n1, _design.TreatedProportion!.Value);
                _controlEvents = Events(ref rng, n2, _design.ControlProportion!.Value);
                return;
            case SimulatedDistribution.Baseline:
            {
                double rho = _design.BaselineCorrelation!.Value, residual = Math.Sqrt(1 - rho * rho), sigma = _sigmaControl, mu0 = _muControl;
                for (int i = 0; i < n1 + n2; i++)
                {
                    double z1 = rng.NextStandardNormal(), z2 = rng.NextStandardNormal();
                    double mean = i < n1 ? _muTreated : _muControl;
                    _baseline[i] = Round(mu0 + sigma * z1, decimals);
                    _followUp[i] = Round(mean + sigma * (rho * z1 + residual * z2), decimals);
                }

                Array.Copy(_followUp, 0, _treated, 0, n1);
                Array.Copy(_followUp, n1, _control, 0, n2);
                return;
            }

            case SimulatedDistribution.LogNormal:
                for (int i = 0; i < n1; i++)
                {
                    _treated[i] = Round(Math.Exp(_muTreated + _sigmaTreated * rng.NextStandardNormal()), decimals);
                }

                for (int i = 0; i < n2; i++)
                {
                    _control[i] = Round(Math.Exp(_muControl + _sigmaControl * rng.NextStandardNormal()), decimals);
                }

                return;
            default:
                for (int i = 0; i < n1; i++)
                {
                    _treated[i] = Round(_muTreated + _sigmaTreated * rng.NextStandardNormal(), decimals);
                }

                for (int i = 0; i < n2; i++)
                {
                    _control[i] = Round(_muControl + _sigmaControl * rng.NextStandardNormal(), decimals);
                }

                return;
        }
    }

    private int _treatedEvents;
    private int _controlEvents;

    private static int Events(ref Xoshiro256StarStar rng, int n, double p)
    {
        int events = 0;
        for (int i = 0; i < n; i++)
        {
            if (rng.NextDouble() < p)
            {
                events++;
            }
        }

        return events;
    }

    private static double Round(double value, int? decimals) => decimals is int d ? Math.Round(value, d, MidpointRounding.AwayFromZero) : value;

    private ContinuousSample Continuous() => ContinuousSample.Create(_treated, _control);

    private BaselineSample Adjusted()
        => BaselineSample.Build(
            Outcome, ArmLabels.Default, _subjects, _design.Treated, ImmutableArray.Create(_baseline), ImmutableArray.Create(_followUp), ImmutableArray<Covariate>.Empty,
            RandomizationScheme.Complete, NoneMissing, "sample", "covariates", "randomization");

    private BinarySample Binary() => BinarySample.Create(_treatedEvents, _design.Treated, _controlEvents, _design.Control);

    private ReplicateOutcome Test(SimulatedMethod method, ulong innerSeed)
    {
        var alternative = _spec.Alternative;
        double p;
        switch (method)
        {
            case SimulatedMethod.StudentT:
                p = TTest.Student(Continuous(), new TestOptions { Alternative = alternative }).PValue.Value;
                break;
            case SimulatedMethod.WelchT:
                p = TTest.Welch(Continuous(), new TestOptions { Alternative = alternative }).PValue.Value;
                break;
            case SimulatedMethod.WilcoxonMannWhitney:
                p = RankTest.WilcoxonMannWhitney(Continuous(), new RankTestOptions { Alternative = alternative, Level = null }).PValue.Value;
                break;
            case SimulatedMethod.BrunnerMunzel:
                p = RankTest.BrunnerMunzel(Continuous(), new BrunnerMunzelOptions { Alternative = alternative }).PValue.Value;
                break;
            case SimulatedMethod.Permutation:
                p = PermutationTest.TwoSample(Continuous(), new PermutationOptions
                {
                    Alternative = alternative, Level = null, Seed = innerSeed, Permutations = _spec.InnerResamples, MaxDegreeOfParallelism = 1,
                }).PValue.Value;
                break;
            case SimulatedMethod.Fisher:
                p = BinaryTest.Fisher(Binary(), new FisherOptions { Alternative = alternative }).PValue.Value;
                break;
            case SimulatedMethod.Barnard:
                p = BinaryTest.Barnard(Binary(), new BarnardOptions { Alternative = alternative }).PValue.Value;
                break;
            case SimulatedMethod.Boschloo:
                p = BinaryTest.Boschloo(Binary(), new BoschlooOptions { Alternative = alternative }).PValue.Value;
                break;
            case SimulatedMethod.AncovaRandomization:
                p = RandomizationTest.Ancova(Adjusted(), Randomization(innerSeed)).PValue.Value;
                break;
            case SimulatedMethod.ChangeScoreRandomization:
                p = RandomizationTest.ChangeScore(Adjusted(), Randomization(innerSeed)).PValue.Value;
                break;
            case SimulatedMethod.FollowUpRandomization:
                p = RandomizationTest.FollowUp(Adjusted(), Randomization(innerSeed)).PValue.Value;
                break;
            case SimulatedMethod.AncovaT:
            {
                // The two-sided t test at level alpha rejects exactly when the (1 - alpha) t interval excludes 0.
                var interval = AdjustedEffect.Ancova(Adjusted(), new AncovaOptions { Level = ConfidenceLevel.FromProbability(1 - _alpha) }).Estimate.Interval!;
                return new ReplicateOutcome(interval.Lower > 0 || interval.Upper < 0, 0, 0, null);
            }

            default:
                throw new InvalidOperationException("not a test: " + method);
        }

        return new ReplicateOutcome(p <= _alpha, 0, 0, null);
    }

    private RandomizationOptions Randomization(ulong innerSeed) => new()
    {
        Alternative = _spec.Alternative, Level = null, EnumerationLimit = _spec.EnumerationLimit, Seed = innerSeed, Draws = _spec.InnerResamples,
        MaxDegreeOfParallelism = 1,
    };

    private ReplicateOutcome Cover(SimulatedMethod method)
    {
        var level = _spec.Level;
        ConfidenceInterval interval = method switch
        {
            SimulatedMethod.WelchInterval => TTest.Welch(Continuous(), new TestOptions { Level = level }).Estimate!.Interval!,
            SimulatedMethod.StudentInterval => TTest.Student(Continuous(), new TestOptions { Level = level }).Estimate!.Interval!,
            SimulatedMethod.AncovaInterval => AdjustedEffect.Ancova(Adjusted(), new AncovaOptions { Level = level }).Estimate.Interval!,
            _ => throw new InvalidOperationException("not an interval: " + method),
        };
        return Covers(interval);
    }

    private ReplicateOutcome Covers(ConfidenceInterval interval)
    {
        int miss = interval.Upper < _truth ? -1 : interval.Lower > _truth ? 1 : 0;
        return new ReplicateOutcome(miss == 0, miss, interval.Upper - interval.Lower, null);
    }

    /// <summary>One bootstrap of the replicate's mean difference with every kind asked for (a BCa fallback to percentile counts as the interval reported).</summary>
    private BootstrapResult Bootstrapped(BootstrapIntervals kinds, ulong innerSeed)
        => Bootstrap.MeanDifference(Continuous(), new BootstrapOptions(innerSeed)
        {
            Resamples = _spec.InnerResamples, Level = _spec.Level, Intervals = kinds, MaxDegreeOfParallelism = 1,
        });
}
