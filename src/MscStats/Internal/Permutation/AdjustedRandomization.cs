using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using MscStats.Internal.Random;
using MscStats.Internal.Resampling;

namespace MscStats.Internal.Permutation;

/// <summary>The statistic of a randomization test of a regression coefficient.</summary>
internal enum AdjustedStatistic
{
    /// <summary>The coefficient itself.</summary>
    Coefficient,

    /// <summary>The coefficient divided by its HC2 standard error.</summary>
    Studentized,
}

/// <summary>The reference set's shape.</summary>
internal enum AssignmentSet
{
    /// <summary>Every split with the observed number treated.</summary>
    Complete,

    /// <summary>Every assignment keeping the observed number treated within each group (block or stratum).</summary>
    Grouped,

    /// <summary>Every one of the 2ᴺ assignments (simple randomization, unconditional).</summary>
    Unconditional,
}

/// <summary>Which tail counts a p-value needs; the pruned kernel leaves the others at zero, the rest count all three.</summary>
[Flags]
internal enum Tally
{
    /// <summary>#{stat ≥ observed}.</summary>
    Greater = 1,

    /// <summary>#{stat ≤ observed}.</summary>
    Less = 2,

    /// <summary>#{|stat| ≥ |observed|}.</summary>
    Absolute = 4,

    /// <summary>All three.</summary>
    All = Greater | Less | Absolute,
}

/// <summary>The counts of a randomization distribution, and the thresholds that give its inverted interval.</summary>
internal sealed class RandomizationCounts
{
    /// <summary>Assignments at which the statistic is defined (the reference set's size).</summary>
    public long Defined;

    /// <summary>Assignments excluded because the model is not identifiable there.</summary>
    public long Undefined;

    /// <summary>#{stat ≥ observed}.</summary>
    public long Greater;

    /// <summary>#{stat ≤ observed}.</summary>
    public long Less;

    /// <summary>#{|stat| ≥ |observed|}.</summary>
    public long Absolute;

    /// <summary>Assignments whose comparison with the observed statistic does not depend on the shift δ and counts in p≥ (p≤).</summary>
    public long ZeroGreater;

    /// <inheritdoc cref="ZeroGreater"/>
    public long ZeroLess;

    /// <summary>Per assignment, the shift δ at which its comparison with the observed statistic flips, or NaN.</summary>
    public double[]? Thresholds;

    /// <summary>Per assignment, −1 when it counts in p≥(δ) for δ ≥ its threshold, +1 when for δ ≤ it, 0 for none.</summary>
    public sbyte[]? Direction;

    public void Add(RandomizationCounts other)
    {
        Defined += other.Defined;
        Undefined += other.Undefined;
        Greater += other.Greater;
        Less += other.Less;
        Absolute += other.Absolute;
        ZeroGreater += other.ZeroGreater;
        ZeroLess += other.ZeroLess;
    }
}

/// <summary>
/// The randomization distribution of the ANCOVA treatment coefficient (or of its HC2-studentized form) over the
/// assignments a randomization scheme can produce, with covariates and outcomes fixed (the sharp null).
/// </summary>
/// <remarks>
/// <para>
/// By Frisch–Waugh–Lovell the coefficient under assignment T is Σ_T e / (n₁n₂/N − Σⱼ (Σ_T qⱼ)²), with e the residuals of
/// the response on [1, covariates] and qⱼ an orthonormal basis of the centred covariates, so each assignment needs only
/// the running sums Σ_T e and Σ_T qⱼ. Enumeration walks the splits in revolving-door order (one subject leaves, one
/// enters per step), the groups' splits as an odometer, or the 2ᴺ assignments in Gray-code order; the sums are
/// recomputed from scratch every 2¹⁶ steps to stop rounding drift. Work is split into fixed parts, and every count is
/// an integer, so results do not depend on the thread count.
/// </para>
/// <para>
/// The studentized statistic rebuilds the residualized assignment T̃ = T − n₁/N − Σⱼ qⱼ(Σ_T qⱼ) (O(N·k) per
/// assignment) for its HC2 variance Σ T̃ᵢ² rᵢ² / (1 − hᵢ) / (T̃ᵀT̃)², rᵢ = eᵢ − β̂T̃ᵢ, hᵢ = 1/N + Σⱼ qⱼᵢ² + T̃ᵢ²/T̃ᵀT̃.
/// </para>
/// <para>
/// For the interval of a constant additive effect δ the response becomes y − δT_obs, whose residuals are e − δf with
/// f = T̃_obs, so each assignment's comparison with the observed statistic flips at a single δ: the thresholds
/// (Σ_T e − D β̂)/(Σ_T f − D), D the assignment's denominator. Ties are decided with a relative tolerance of 1e-9.
/// </para>
/// </remarks>
internal sealed class AdjustedRandomization
{
    private const int ResyncEvery = 1 << 16;
    private const double Tolerance = 1e-9;

    private readonly int _n;
    private readonly int _k;
    private readonly int _width;
    private readonly double[] _w;
    private readonly double[] _h0;
    private readonly double[] _e;

    /// <summary>Creates the model from the Frisch–Waugh–Lovell pieces.</summary>
    public AdjustedRandomization(double[] e, double[] f, double[][] q, int observedTreated, AdjustedStatistic statistic)
    {
        _n = e.Length;
        _k = q.Length;
        _width = _k + 2;
        _e = e;
        _w = new double[_n * _width];
        _h0 = new double[_n];
        double maxAbs = 0;
        for (int i = 0; i < _n; i++)
        {
            _w[i * _width] = e[i];
            _w[i * _width + 1] = f[i];
            double h = 1.0 / _n;
            for (int j = 0; j < _k; j++)
            {
                _w[i * _width + 2 + j] = q[j][i];
                h += q[j][i] * q[j][i];
            }

            _h0[i] = h;
            maxAbs = Math.Max(maxAbs, Math.Abs(e[i]));
        }

        Statistic = statistic;
        ObservedTreated = observedTreated;
        var member = new byte[_n];
        var sum = new double[_width];
        for (int i = 0; i < observedTreated; i++)
        {
            member[i] = 1;
            Add(sum, i, 1);
        }

        ObservedDenominator = Denominator(observedTreated, sum);
        ObservedCoefficient = sum[0] / ObservedDenominator;
        Observed = Evaluate(observedTreated, sum, member);
        StatisticTolerance = statistic == AdjustedStatistic.Coefficient
            ? Tolerance * (Math.Abs(ObservedCoefficient) + maxAbs / ObservedDenominator)
            : Tolerance * (Math.Abs(Observed) + 1);
        ScaleE = maxAbs * _n;
    }

    /// <summary>The statistic.</summary>
    public AdjustedStatistic Statistic { get; }

    /// <summary>The observed statistic.</summary>
    public double Observed { get; }

    /// <summary>The observed coefficient.</summary>
    public double ObservedCoefficient { get; }

    /// <summary>T̃ᵀT̃ at the observed assignment.</summary>
    public double ObservedDenominator { get; }

    /// <summary>The observed number treated.</summary>
    public int ObservedTreated { get; }

    /// <summary>The absolute tolerance within which two statistics count as tied.</summary>
    public double StatisticTolerance { get; }

    private double ScaleE { get; }

    /// <summary>The number of subjects.</summary>
    public int N => _n;

    /// <summary>
    /// The statistic at an assignment, or NaN where it is undefined (an arm below 2, T̃ ≈ 0, a leverage of 1 or a zero
    /// variance for the studentized statistic).
    /// </summary>
    public double Evaluate(int n1, ReadOnlySpan<double> sum, ReadOnlySpan<byte> member)
    {
        int n2 = _n - n1;
        if (n1 < 2 || n2 < 2)
        {
            return double.NaN;
        }

        double d = Denominator(n1, sum);
        if (!(d > 1e-10 * n1 * n2 / _n))
        {
            return double.NaN;
        }

        double beta = sum[0] / d;
        if (Statistic == AdjustedStatistic.Coefficient)
        {
            return beta;
        }

        double centre = (double)n1 / _n;
        double variance = 0;
        for (int i = 0; i < _n; i++)
        {
            double t = member[i] - centre;
            int row = i * _width + 2;
            for (int j = 0; j < _k; j++)
            {
                t -= _w[row + j] * sum[2 + j];
            }

            double h = _h0[i] + t * t / d;
            if (!(1 - h > 1e-10))
            {
                return double.NaN;
            }

            double r = _e[i] - beta * t;
            variance += t * t * r * r / (1 - h);
        }

        variance /= d * d;
        return variance > 0 ? beta / Math.Sqrt(variance) : double.NaN;
    }

    /// <summary>n₁n₂/N − Σⱼ (Σ_T qⱼ)².</summary>
    private double Denominator(int n1, ReadOnlySpan<double> sum)
    {
        double d = (double)n1 * (_n - n1) / _n;
        for (int j = 0; j < _k; j++)
        {
            d -= sum[2 + j] * sum[2 + j];
        }

        return d;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Add(Span<double> sum, int subject, double sign)
    {
        int row = subject * _width;
        for (int j = 0; j < _width; j++)
        {
            sum[j] += sign * _w[row + j];
        }
    }

    /// <summary>The number of assignments in the reference set (as a double: it may exceed a long for 2ᴺ).</summary>
    public static double Size(AssignmentSet set, int n, int treated, int[] groupSizes, int[] groupTreated)
    {
        switch (set)
        {
            case AssignmentSet.Complete:
                return Math.Round(Math.Exp(MathNet.Numerics.SpecialFunctions.BinomialLn(n, treated)));
            case AssignmentSet.Unconditional:
                return Math.Pow(2, n);
            default:
                double log = 0;
                for (int g = 0; g < groupSizes.Length; g++)
                {
                    log += MathNet.Numerics.SpecialFunctions.BinomialLn(groupSizes[g], groupTreated[g]);
                }

                return Math.Round(Math.Exp(log));
        }
    }

    /// <summary>The model's pieces for the split-half kernel: N, k, the per-subject rows [e, f, q₁…q_k], and the comparison constants.</summary>
    internal (int N, int K, double[] Rows) Pieces => (_n, _k, _w);

    /// <summary>The tolerances of the interval thresholds: |c| within the first is "no flip"; g within the second is a tie.</summary>
    internal (double C, double G) ThresholdTolerances => (Tolerance * ObservedDenominator, Tolerance * ScaleE);

    /// <summary>What the enumerations call for each assignment; a struct so the JIT specializes and inlines it.</summary>
    private interface ISink
    {
        void Visit(int n1, double[] sum, byte[] member);

        RandomizationCounts Counts { get; }
    }

    /// <summary>
    /// The coefficient statistic: compares Σ_T e with the observed coefficient times the denominator (no division), and
    /// records each assignment's shift threshold when an interval is wanted.
    /// </summary>
    private struct CoefficientSink : ISink
    {
        private readonly int _n;
        private readonly int _k;
        private readonly double _greaterBound;
        private readonly double _lessBound;
        private readonly double _absBound;
        private readonly double _beta;
        private readonly double _tolC;
        private readonly double _tolG;
        private readonly double[]? _thresholds;
        private readonly sbyte[]? _direction;
        private long _index;
        private long _defined;
        private long _undefined;
        private long _greater;
        private long _less;
        private long _absolute;
        private long _zeroGreater;
        private long _zeroLess;

        public CoefficientSink(AdjustedRandomization model, double[]? thresholds, sbyte[]? direction, long offset)
        {
            _n = model._n;
            _k = model._k;
            double tol = model.StatisticTolerance;
            _beta = model.ObservedCoefficient;
            _greaterBound = _beta - tol;
            _lessBound = _beta + tol;
            _absBound = Math.Abs(_beta) - tol;
            _tolC = Tolerance * model.ObservedDenominator;
            _tolG = Tolerance * model.ScaleE;
            _thresholds = thresholds;
            _direction = direction;
            _index = offset;
        }

        public readonly RandomizationCounts Counts => new()
        {
            Defined = _defined, Undefined = _undefined, Greater = _greater, Less = _less, Absolute = _absolute,
            ZeroGreater = _zeroGreater, ZeroLess = _zeroLess,
        };

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Visit(int n1, double[] sum, byte[] member)
        {
            double d = (double)n1 * (_n - n1) / _n;
            double floor = 1e-10 * d;
            for (int j = 0; j < _k; j++)
            {
                d -= sum[2 + j] * sum[2 + j];
            }

            Core(n1, sum[0], sum[1], d, floor);
        }

        /// <summary>Counts an assignment where the statistic is undefined.</summary>
        public void Undefined()
        {
            _undefined++;
            if (_thresholds is not null)
            {
                _thresholds[_index] = double.NaN;
                _direction![_index++] = 0;
            }
        }

        /// <summary>Records the shift threshold of a defined assignment, when an interval is wanted.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Threshold(double a, double b, double d)
        {
            if (_thresholds is null)
            {
                return;
            }

            // Response y − δT_obs: this assignment's statistic is (A − δB)/D, the observed one β̂ − δ.
            double c = b - d;
            double g = a - d * _beta;
            if (Math.Abs(c) <= _tolC)
            {
                _zeroGreater += g >= -_tolG ? 1 : 0;
                _zeroLess += g <= _tolG ? 1 : 0;
                _thresholds[_index] = double.NaN;
                _direction![_index++] = 0;
            }
            else
            {
                _thresholds[_index] = g / c;
                _direction![_index++] = (sbyte)(c < 0 ? -1 : 1);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Core(int n1, double a, double b, double d, double floor)
        {
            int n2 = _n - n1;
            if (n1 < 2 || n2 < 2 || !(d > floor))
            {
                Undefined();
                return;
            }

            _defined++;
            _greater += a >= _greaterBound * d ? 1 : 0;
            _less += a <= _lessBound * d ? 1 : 0;
            _absolute += Math.Abs(a) >= _absBound * d ? 1 : 0;
            Threshold(a, b, d);
        }
    }

    /// <summary>The studentized statistic: rebuilds T̃ and the HC2 variance per assignment.</summary>
    private struct StudentizedSink(AdjustedRandomization model) : ISink
    {
        private readonly double _observed = model.Observed;
        private readonly double _tol = model.StatisticTolerance;
        private long _defined;
        private long _undefined;
        private long _greater;
        private long _less;
        private long _absolute;

        public readonly RandomizationCounts Counts => new()
        {
            Defined = _defined, Undefined = _undefined, Greater = _greater, Less = _less, Absolute = _absolute,
        };

        public void Visit(int n1, double[] sum, byte[] member)
        {
            double stat = model.Evaluate(n1, sum, member);
            if (double.IsNaN(stat))
            {
                _undefined++;
                return;
            }

            _defined++;
            _greater += stat >= _observed - _tol ? 1 : 0;
            _less += stat <= _observed + _tol ? 1 : 0;
            _absolute += Math.Abs(stat) >= Math.Abs(_observed) - _tol ? 1 : 0;
        }
    }

    /// <summary>
    /// Enumerates the reference set and counts; with <paramref name="thresholds"/> also records each assignment's threshold.
    /// <paramref name="tally"/> names the tail counts wanted: a kernel may skip the others and leave them at zero.
    /// </summary>
    public RandomizationCounts Enumerate(
        AssignmentSet set, int[] group, int[] groupTreated, bool thresholds, int? maxDegreeOfParallelism, IProgress<double>? progress,
        CancellationToken cancellationToken, bool splitHalf = true, Tally tally = Tally.All)
    {
        if (splitHalf && set == AssignmentSet.Complete && Statistic == AdjustedStatistic.Coefficient && SplitHalf.Fits(_n, ObservedTreated))
        {
            return SplitHalf.Enumerate(this, thresholds, maxDegreeOfParallelism, progress, cancellationToken, tally);
        }

        var parts = Parts(set, group, groupTreated);
        long total = 0;
        var offsets = new long[parts.Count];
        for (int p = 0; p < parts.Count; p++)
        {
            offsets[p] = total;
            total += parts[p].Size;
        }

        double[]? ts = thresholds ? new double[total] : null;
        sbyte[]? dir = thresholds ? new sbyte[total] : null;
        var results = new RandomizationCounts[parts.Count];
        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, parts.Count, options, p =>
        {
            if (Statistic == AdjustedStatistic.Coefficient)
            {
                var sink = new CoefficientSink(this, ts, dir, offsets[p]);
                parts[p].Run(this, ref sink, cancellationToken);
                results[p] = sink.Counts;
            }
            else
            {
                var sink = new StudentizedSink(this);
                parts[p].Run(this, ref sink, cancellationToken);
                results[p] = sink.Counts;
            }

            progress?.Report(Interlocked.Add(ref done, parts[p].Size) / (double)total);
        });
        var counts = new RandomizationCounts { Thresholds = ts, Direction = dir };
        foreach (var r in results)
        {
            counts.Add(r);
        }

        return counts;
    }

    /// <summary>A part of the enumeration: fixed subjects' membership plus a sub-enumeration.</summary>
    private abstract class Part
    {
        public long Size { get; init; }

        public abstract void Run<TSink>(AdjustedRandomization model, ref TSink sink, CancellationToken cancellationToken)
            where TSink : struct, ISink;
    }

    private List<Part> Parts(AssignmentSet set, int[] group, int[] groupTreated)
    {
        var parts = new List<Part>();
        int fixedCount = Math.Min(3, Math.Max(0, _n - 4));
        if (set == AssignmentSet.Complete)
        {
            int free = _n - fixedCount;
            for (int pattern = 0; pattern < 1 << fixedCount; pattern++)
            {
                int c = BitOperations.PopCount((uint)pattern);
                int choose = ObservedTreated - c;
                if (choose < 0 || choose > free)
                {
                    continue;
                }

                parts.Add(new CombinationPart(free, choose, pattern)
                {
                    Size = (long)Math.Round(Math.Exp(MathNet.Numerics.SpecialFunctions.BinomialLn(free, choose))),
                });
            }
        }
        else if (set == AssignmentSet.Unconditional)
        {
            for (int pattern = 0; pattern < 1 << fixedCount; pattern++)
            {
                parts.Add(new GrayPart(_n - fixedCount, pattern) { Size = 1L << (_n - fixedCount) });
            }
        }
        else
        {
            var groups = GroupPart.Groups(this, group, groupTreated);
            long rest = 1;
            for (int g = 1; g < groups.Length; g++)
            {
                rest *= groups[g].Count;
            }

            for (int first = 0; first < groups[0].Count; first++)
            {
                parts.Add(new GroupPart(groups, first) { Size = rest });
            }
        }

        return parts;
    }

    /// <summary>
    /// The revolving-door walk (Knuth, TAOCP 4A, 7.2.1.3, Algorithm R) over the t-subsets of {0, …, n − 1}: each step
    /// names the element that leaves and the one that enters.
    /// </summary>
    private struct RevolvingDoorWalk
    {
        private readonly int[] _c;
        private readonly int _t;

        public RevolvingDoorWalk(int n, int t)
        {
            _t = t;
            _c = new int[t + 2];
            for (int j = 1; j <= t; j++)
            {
                _c[j] = j - 1;
            }

            _c[t + 1] = n;
        }

        /// <summary>The current subset, c[1..t].</summary>
        public readonly int[] Chosen => _c;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public readonly bool Next(out int leave, out int enter)
        {
            var c = _c;
            int t = _t;
            if ((t & 1) == 1)
            {
                if (c[1] + 1 < c[2])
                {
                    leave = c[1];
                    enter = leave + 1;
                    c[1] = enter;
                    return true;
                }
            }
            else if (t > 0 && c[1] > 0)
            {
                // t = 0 has the single empty subset; c[1] is then the sentinel n and must not move.
                leave = c[1];
                enter = leave - 1;
                c[1] = enter;
                return true;
            }

            return Slow(c, t, out leave, out enter);
        }

        private static bool Slow(int[] c, int t, out int leave, out int enter)
        {
            int i = 2;
            bool decrease = (t & 1) == 1;
            while (i <= t)
            {
                if (decrease)
                {
                    if (c[i] >= i)
                    {
                        leave = c[i];
                        enter = i - 2;
                        c[i] = c[i - 1];
                        c[i - 1] = i - 2;
                        return true;
                    }

                    i++;
                    decrease = false;
                }
                else
                {
                    if (c[i] + 1 < c[i + 1])
                    {
                        leave = i - 2;
                        enter = c[i] + 1;
                        c[i - 1] = c[i];
                        c[i]++;
                        return true;
                    }

                    i++;
                    decrease = true;
                }
            }

            leave = enter = -1;
            return false;
        }
    }

    /// <summary>Revolving-door enumeration of the free subjects' splits, with the last subjects fixed by a bit pattern.</summary>
    private sealed class CombinationPart(int free, int choose, int pattern) : Part
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public override void Run<TSink>(AdjustedRandomization model, ref TSink sink, CancellationToken cancellationToken)
        {
            int n = model._n, width = model._width;
            var member = new byte[n];
            var fixedSum = new double[width];
            int fixedTreated = 0;
            for (int b = 0; free + b < n; b++)
            {
                if ((pattern >> b & 1) == 1)
                {
                    member[free + b] = 1;
                    model.Add(fixedSum, free + b, 1);
                    fixedTreated++;
                }
            }

            int n1 = fixedTreated + choose;
            var sum = new double[width];
            var walk = new RevolvingDoorWalk(free, choose);
            for (int j = 0; j < choose; j++)
            {
                member[j] = 1;
            }

            Resync(model, fixedSum, sum, walk.Chosen, choose);
            var w = model._w;
            long steps = 0;
            while (true)
            {
                sink.Visit(n1, sum, member);
                if (++steps % ResyncEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Resync(model, fixedSum, sum, walk.Chosen, choose);
                }

                if (!walk.Next(out int leave, out int enter))
                {
                    return;
                }

                int a = enter * width, b = leave * width;
                for (int j = 0; j < width; j++)
                {
                    sum[j] += w[a + j] - w[b + j];
                }

                member[leave] = 0;
                member[enter] = 1;
            }
        }

        private static void Resync(AdjustedRandomization model, double[] fixedSum, double[] sum, int[] c, int t)
        {
            fixedSum.CopyTo(sum, 0);
            for (int j = 1; j <= t; j++)
            {
                model.Add(sum, c[j], 1);
            }
        }
    }

    /// <summary>Gray-code enumeration of the free subjects' 2^free assignments, the last subjects fixed by a bit pattern.</summary>
    private sealed class GrayPart(int free, int pattern) : Part
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public override void Run<TSink>(AdjustedRandomization model, ref TSink sink, CancellationToken cancellationToken)
        {
            int n = model._n;
            var member = new byte[n];
            var sum = new double[model._width];
            int n1 = 0;
            for (int b = 0; free + b < n; b++)
            {
                if ((pattern >> b & 1) == 1)
                {
                    member[free + b] = 1;
                    n1++;
                }
            }

            static void Resync(AdjustedRandomization model, double[] sum, byte[] member)
            {
                Array.Clear(sum);
                for (int i = 0; i < member.Length; i++)
                {
                    if (member[i] == 1)
                    {
                        model.Add(sum, i, 1);
                    }
                }
            }

            Resync(model, sum, member);
            ulong count = 1UL << free;
            for (ulong step = 1; ; step++)
            {
                sink.Visit(n1, sum, member);
                if (step == count)
                {
                    return;
                }

                if (step % ResyncEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Resync(model, sum, member);
                }

                int bit = BitOperations.TrailingZeroCount(step);
                if (member[bit] == 1)
                {
                    member[bit] = 0;
                    n1--;
                    model.Add(sum, bit, -1);
                }
                else
                {
                    member[bit] = 1;
                    n1++;
                    model.Add(sum, bit, 1);
                }
            }
        }
    }

    /// <summary>Odometer over the groups' splits; group 0's split is fixed per part.</summary>
    private sealed class GroupPart(GroupPart.GroupSplits[] groups, int first) : Part
    {
        /// <summary>Every split of one group: the sum vector and the treated members of each.</summary>
        public sealed class GroupSplits
        {
            public required double[] Sums { get; init; }

            public required int[] Members { get; init; }

            public required int Treated { get; init; }

            public required int Count { get; init; }
        }

        public static GroupSplits[] Groups(AdjustedRandomization model, int[] group, int[] groupTreated)
        {
            int width = model._width;
            var result = new GroupSplits[groupTreated.Length];
            for (int g = 0; g < groupTreated.Length; g++)
            {
                var members = new List<int>();
                for (int i = 0; i < group.Length; i++)
                {
                    if (group[i] == g)
                    {
                        members.Add(i);
                    }
                }

                int t = groupTreated[g];
                var sums = new List<double>();
                var chosen = new List<int>();
                foreach (var combo in Combinations.Lexicographic(members.Count, t))
                {
                    var s = new double[width];
                    foreach (int j in combo)
                    {
                        model.Add(s, members[j], 1);
                        chosen.Add(members[j]);
                    }

                    sums.AddRange(s);
                }

                result[g] = new GroupSplits { Sums = sums.ToArray(), Members = chosen.ToArray(), Treated = t, Count = sums.Count / width };
            }

            return result;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public override void Run<TSink>(AdjustedRandomization model, ref TSink sink, CancellationToken cancellationToken)
        {
            int width = model._width, n1 = 0;
            var member = new byte[model._n];
            var digit = new int[groups.Length];
            digit[0] = first;
            var sum = new double[width];

            static void Resync(GroupSplits[] groups, int[] digit, double[] sum, int width)
            {
                Array.Clear(sum);
                for (int g = 0; g < groups.Length; g++)
                {
                    for (int j = 0; j < width; j++)
                    {
                        sum[j] += groups[g].Sums[digit[g] * width + j];
                    }
                }
            }

            static void SetMembers(GroupSplits split, int digit, byte[] member, byte value)
            {
                for (int j = 0; j < split.Treated; j++)
                {
                    member[split.Members[digit * split.Treated + j]] = value;
                }
            }

            for (int g = 0; g < groups.Length; g++)
            {
                n1 += groups[g].Treated;
                SetMembers(groups[g], digit[g], member, 1);
            }

            Resync(groups, digit, sum, width);
            long steps = 0;
            while (true)
            {
                sink.Visit(n1, sum, member);
                if (++steps % ResyncEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Resync(groups, digit, sum, width);
                }

                int g = groups.Length - 1;
                while (g >= 1)
                {
                    var split = groups[g];
                    SetMembers(split, digit[g], member, 0);
                    int old = digit[g];
                    digit[g] = old + 1 == split.Count ? 0 : old + 1;
                    SetMembers(split, digit[g], member, 1);
                    for (int j = 0; j < width; j++)
                    {
                        sum[j] += split.Sums[digit[g] * width + j] - split.Sums[old * width + j];
                    }

                    if (digit[g] != 0)
                    {
                        break;
                    }

                    g--;
                }

                if (g < 1)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Monte Carlo: <paramref name="draws"/> assignments from the scheme, in blocks of 8,192, block b from the seed's
    /// stream advanced by b jumps, so a seed gives the same counts and thresholds on any thread count.
    /// </summary>
    public RandomizationCounts Sample(
        AssignmentSet set, int[] group, int[] groupTreated, int draws, ulong seed, bool thresholds, int? maxDegreeOfParallelism,
        IProgress<double>? progress, CancellationToken cancellationToken)
    {
        const int blockSize = 8192;
        int blocks = (draws + blockSize - 1) / blockSize;
        var streams = BootstrapEngine.Streams(seed, blocks);
        double[]? ts = thresholds ? new double[draws] : null;
        sbyte[]? dir = thresholds ? new sbyte[draws] : null;
        var results = new RandomizationCounts[blocks];
        var members = GroupMembers(set, group, groupTreated.Length);
        var groupTotals = new double[members.Length][];
        for (int g = 0; g < members.Length; g++)
        {
            groupTotals[g] = new double[_width];
            foreach (int i in members[g])
            {
                Add(groupTotals[g], i, 1);
            }
        }

        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, blocks, options, block =>
        {
            var rng = streams[block];
            int start = block * blockSize, end = Math.Min(draws, start + blockSize);
            var coefficientSink = new CoefficientSink(this, ts, dir, start);
            bool skipF = ts is null && Statistic == AdjustedStatistic.Coefficient;
            var studentizedSink = new StudentizedSink(this);
            bool plain = Statistic == AdjustedStatistic.Coefficient;
            var member = new byte[_n];
            var sum = new double[_width];
            var pools = new int[members.Length][];
            var part = new double[_width];
            for (int g = 0; g < members.Length; g++)
            {
                pools[g] = (int[])members[g].Clone();
            }

            for (int r = start; r < end; r++)
            {
                if (!plain)
                {
                    Array.Clear(member);
                }

                Array.Clear(sum);
                int n1 = 0;
                if (set == AssignmentSet.Unconditional)
                {
                    ulong bits = 0;
                    for (int i = 0; i < _n; i++)
                    {
                        if ((i & 63) == 0)
                        {
                            bits = rng.NextUInt64();
                        }

                        if ((bits & 1) == 1)
                        {
                            member[i] = 1;
                            n1++;
                            Add(sum, i, 1);
                        }

                        bits >>= 1;
                    }
                }
                else
                {
                    for (int g = 0; g < pools.Length; g++)
                    {
                        int t = set == AssignmentSet.Complete ? ObservedTreated : groupTreated[g];
                        var pool = pools[g];
                        bool fewer = t <= pool.Length - t;
                        int pick = fewer ? t : pool.Length - t;
                        PermutationMonteCarlo.ChooseFirst(ref rng, pool.AsSpan(), pick);
                        Array.Clear(part);
                        if (skipF && _width == 3)
                        {
                            // One covariate and no interval: Σ e and Σ q only.
                            var w = _w;
                            double pe = 0, pq = 0;
                            for (int j = 0; j < pick; j++)
                            {
                                int row = pool[j] * 3;
                                pe += w[row];
                                pq += w[row + 2];
                            }

                            part[0] = pe;
                            part[2] = pq;
                        }
                        else
                        {
                            for (int j = 0; j < pick; j++)
                            {
                                Add(part, pool[j], 1);
                            }
                        }

                        // The other side's sums are the group's totals minus the picked ones.
                        var totals = groupTotals[g];
                        for (int j = 0; j < _width; j++)
                        {
                            sum[j] += fewer ? part[j] : totals[j] - part[j];
                        }

                        if (!plain)
                        {
                            for (int j = fewer ? 0 : pick; j < (fewer ? pick : pool.Length); j++)
                            {
                                member[pool[j]] = 1;
                            }
                        }

                        n1 += t;
                    }
                }

                if (plain)
                {
                    coefficientSink.Visit(n1, sum, member);
                }
                else
                {
                    studentizedSink.Visit(n1, sum, member);
                }
            }

            results[block] = plain ? coefficientSink.Counts : studentizedSink.Counts;
            if (((block + 1) & 7) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            progress?.Report(Interlocked.Add(ref done, end - start) / (double)draws);
        });
        var counts = new RandomizationCounts { Thresholds = ts, Direction = dir };
        foreach (var r in results)
        {
            counts.Add(r);
        }

        return counts;
    }

    /// <summary>Random draws of the statistic (for plotting the null distribution), in the order drawn; undefined draws are skipped.</summary>
    public double[] NullSample(AssignmentSet set, int[] group, int[] groupTreated, int draws, ulong seed)
    {
        var members = GroupMembers(set, group, groupTreated.Length);
        var rng = new Xoshiro256StarStar(seed);
        var values = new List<double>(draws);
        var member = new byte[_n];
        var sum = new double[_width];
        for (int r = 0; r < draws; r++)
        {
            Array.Clear(member);
            Array.Clear(sum);
            int n1 = 0;
            if (set == AssignmentSet.Unconditional)
            {
                for (int i = 0; i < _n; i++)
                {
                    if ((rng.NextUInt64() & 1) == 1)
                    {
                        member[i] = 1;
                        n1++;
                        Add(sum, i, 1);
                    }
                }
            }
            else
            {
                for (int g = 0; g < members.Length; g++)
                {
                    int t = set == AssignmentSet.Complete ? ObservedTreated : groupTreated[g];
                    PermutationMonteCarlo.ChooseFirst(ref rng, members[g].AsSpan(), t);
                    for (int j = 0; j < t; j++)
                    {
                        member[members[g][j]] = 1;
                        Add(sum, members[g][j], 1);
                    }

                    n1 += t;
                }
            }

            double stat = Evaluate(n1, sum, member);
            if (!double.IsNaN(stat))
            {
                values.Add(stat);
            }
        }

        return values.ToArray();
    }

    private int[][] GroupMembers(AssignmentSet set, int[] group, int groups)
    {
        if (set != AssignmentSet.Grouped)
        {
            var all = new int[_n];
            for (int i = 0; i < _n; i++)
            {
                all[i] = i;
            }

            return [all];
        }

        var lists = new List<int>[groups];
        for (int g = 0; g < groups; g++)
        {
            lists[g] = [];
        }

        for (int i = 0; i < _n; i++)
        {
            lists[group[i]].Add(i);
        }

        var result = new int[groups][];
        for (int g = 0; g < groups; g++)
        {
            result[g] = lists[g].ToArray();
        }

        return result;
    }
}
