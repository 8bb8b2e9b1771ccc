using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace MscStats.Internal.Random;

/// <summary>
/// The xoshiro256** generator of Blackman and Vigna ("Scrambled linear pseudorandom number
/// generators", ACM Trans. Math. Softw. 47(4), 2021, doi:10.1145/3460772), seeded through SplitMix64,
/// with jump functions for independent streams, Lemire's unbiased bounded integers and 53-bit doubles.
/// </summary>
/// <remarks>
/// The library owns its generator so that a seed gives the same stream on every runtime and
/// platform; <see cref="System.Random"/>'s algorithm may change. Pinned by known-answer tests against
/// the authors' reference C code. A mutable value type: copy it only to fork a stream on purpose.
/// Not thread safe; give each thread its own stream.
/// </remarks>
internal struct Xoshiro256StarStar
{
    private static readonly ulong[] JumpPolynomial =
        [0x180ec6d33cfd0aba, 0xd5a61266f0c9392c, 0xa9582618e03fc9aa, 0x39abdc4529b1661c];

    private static readonly ulong[] LongJumpPolynomial =
        [0x76e15d3efefdcbbf, 0xc5004e441c522fb3, 0x77710069854ee241, 0x39109bb02acbe635];

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state with the first four outputs of SplitMix64 started at <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>Restores a generator from its four state words (not all zero).</summary>
    public Xoshiro256StarStar(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>The four state words, for known-answer tests.</summary>
    public readonly (ulong S0, ulong S1, ulong S2, ulong S3) State => (_s0, _s1, _s2, _s3);

    /// <summary>One step of SplitMix64 (Steele, Lea and Flood 2014), the seeding generator.</summary>
    public static ulong SplitMix64(ref ulong x)
    {
        unchecked
        {
            ulong z = x += 0x9e3779b97f4a7c15;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
            z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        unchecked
        {
            ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits: (x &gt;&gt; 11) · 2⁻⁵³.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>) by Lemire's nearly divisionless method
    /// ("Fast random integer generation in an interval", ACM TOMACS 29(1), 2019, doi:10.1145/3230636): unbiased.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBounded(ulong bound)
    {
        if (bound == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "must be >= 1.");
        }

        unchecked
        {
            ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
            if (low < bound)
            {
                ulong threshold = (0UL - bound) % bound;
                while (low < threshold)
                {
                    high = Math.BigMul(NextUInt64(), bound, out low);
                }
            }

            return high;
        }
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>) from the upper 32 bits of each output, by Lemire's method with
    /// 32-bit arithmetic: unbiased, and cheap to vectorize (the bootstrap's index draws).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextBounded32(uint bound)
    {
        unchecked
        {
            ulong m = (NextUInt64() >> 32) * bound;
            if ((uint)m < bound)
            {
                uint threshold = (0u - bound) % bound;
                while ((uint)m < threshold)
                {
                    m = (NextUInt64() >> 32) * bound;
                }
            }

            return (uint)(m >> 32);
        }
    }

    /// <summary>
    /// A standard normal deviate by Marsaglia's polar method (Marsaglia and Bray 1964, SIAM Review 6(3)),
    /// using only square roots and logarithms; the second deviate of each pair is discarded so that the
    /// stream has no hidden state.
    /// </summary>
    public double NextStandardNormal()
    {
        while (true)
        {
            double u = 2.0 * NextDouble() - 1.0;
            double v = 2.0 * NextDouble() - 1.0;
            double s = u * u + v * v;
            if (s > 0 && s < 1)
            {
                return u * Math.Sqrt(-2.0 * Math.Log(s) / s);
            }
        }
    }

    /// <summary>Advances the state by 2¹²⁸ steps: 2¹²⁸ non-overlapping streams for parallel work.</summary>
    public void Jump() => Apply(JumpPolynomial);

    /// <summary>Advances the state by 2¹⁹² steps: streams of streams.</summary>
    public void LongJump() => Apply(LongJumpPolynomial);

    private void Apply(ulong[] polynomial)
    {
        ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        foreach (ulong word in polynomial)
        {
            for (int b = 0; b < 64; b++)
            {
                // Branch-free: the polynomial's bits are as good as random, so a branch would mispredict half the time.
                ulong mask = unchecked(0UL - ((word >> b) & 1));
                s0 ^= _s0 & mask;
                s1 ^= _s1 & mask;
                s2 ^= _s2 & mask;
                s3 ^= _s3 & mask;
                NextUInt64();
            }
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }
}
