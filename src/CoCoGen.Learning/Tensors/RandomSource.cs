namespace CoCoGen.Learning.Tensors;

/// <summary>
/// Seeded xoshiro256** generator (Blackman and Vigna), state expanded from the seed by SplitMix64.
/// Every random choice in the engine goes through one of these so runs are reproducible.
/// </summary>
public sealed class RandomSource
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <summary>Creates a generator from a 64-bit seed.</summary>
    /// <param name="seed">The seed.</param>
    public RandomSource(ulong seed)
    {
        ulong state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>The SplitMix64 step: advances <paramref name="state"/> and returns a well-mixed word.</summary>
    /// <param name="state">The 64-bit state.</param>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform float in [0, 1) with 24 random bits.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias (Lemire).</summary>
    /// <param name="exclusiveMax">The exclusive upper bound (&gt; 0).</param>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        ulong range = (ulong)exclusiveMax;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }

        return (int)(product >> 64);
    }

    /// <summary>A standard normal sample (Marsaglia polar method).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }

        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>Fills <paramref name="destination"/> with uniform samples in [low, high).</summary>
    /// <param name="destination">The values to overwrite.</param>
    /// <param name="low">Inclusive lower bound.</param>
    /// <param name="high">Exclusive upper bound.</param>
    public void FillUniform(Span<float> destination, float low, float high)
    {
        float width = high - low;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = low + (width * NextSingle());
        }
    }

    /// <summary>Fills <paramref name="destination"/> with normal samples.</summary>
    /// <param name="destination">The values to overwrite.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The standard deviation.</param>
    public void FillNormal(Span<float> destination, float mean, float standardDeviation)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)(mean + (standardDeviation * NextGaussian()));
        }
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values.</param>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>An independent generator derived from this one's next output and a stream number.</summary>
    /// <param name="stream">Distinguishes children forked at the same point.</param>
    public RandomSource Fork(ulong stream)
    {
        ulong state = NextUInt64() ^ (stream * 0xD1B54A32D192ED03UL);
        return new RandomSource(SplitMix64(ref state));
    }
}
