using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Tensors;

public class RandomSourceTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        // Reference values of splitmix64.c (Vigna) from state 1234567.
        ulong state = 1234567;
        Assert.Equal(6457827717110365317UL, RandomSource.SplitMix64(ref state));
        Assert.Equal(3203168211198807973UL, RandomSource.SplitMix64(ref state));
        Assert.Equal(9817491932198370423UL, RandomSource.SplitMix64(ref state));
    }

    [Fact]
    public void Same_seed_same_stream_different_seed_different_stream()
    {
        var a = new RandomSource(42);
        var b = new RandomSource(42);
        var c = new RandomSource(43);
        ulong[] xa = [.. Enumerable.Range(0, 8).Select(_ => a.NextUInt64())];
        ulong[] xb = [.. Enumerable.Range(0, 8).Select(_ => b.NextUInt64())];
        ulong[] xc = [.. Enumerable.Range(0, 8).Select(_ => c.NextUInt64())];
        Assert.Equal(xa, xb);
        Assert.NotEqual(xa, xc);
    }

    [Fact]
    public void Uniform_and_gaussian_moments_are_right()
    {
        var random = new RandomSource(7);
        const int count = 200_000;
        double sum = 0, sumSq = 0, gSum = 0, gSq = 0;
        for (int i = 0; i < count; i++)
        {
            float u = random.NextSingle();
            Assert.InRange(u, 0f, 0.99999995f);
            sum += u;
            sumSq += u * u;
            double g = random.NextGaussian();
            gSum += g;
            gSq += g * g;
        }

        Assert.Equal(0.5, sum / count, 2);
        Assert.Equal(1.0 / 12, (sumSq / count) - 0.25, 2);
        Assert.Equal(0, gSum / count, 2);
        Assert.Equal(1, gSq / count, 1);
    }

    [Fact]
    public void NextInt_covers_the_range_evenly()
    {
        var random = new RandomSource(3);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++)
        {
            counts[random.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }

    [Fact]
    public void Shuffle_is_a_seeded_permutation()
    {
        int[] a = [.. Enumerable.Range(0, 50)];
        int[] b = [.. Enumerable.Range(0, 50)];
        new RandomSource(9).Shuffle<int>(a);
        new RandomSource(9).Shuffle<int>(b);
        Assert.Equal(a, b);
        Assert.NotEqual(Enumerable.Range(0, 50), a);
        Assert.Equal(Enumerable.Range(0, 50), a.Order());
    }
}
