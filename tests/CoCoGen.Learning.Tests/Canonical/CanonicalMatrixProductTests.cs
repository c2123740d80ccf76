using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

public sealed class CanonicalMatrixProductTests
{
    [Fact]
    public void Multiply_EqualsTheOrderedScalarSumBitForBit_OverManyShapes()
    {
        var random = new RandomSource(303);
        int[] rows = [1, 2, 3, 4, 5, 7, 8, 16];
        int[] depths = [0, 1, 2, 7, 25, 150];
        int[] columns = [.. Enumerable.Range(0, 71), 95, 100, 127, 128, 129, 784];
        foreach (int m in rows)
        {
            foreach (int k in depths)
            {
                foreach (int n in columns)
                {
                    float[] a = Values(random, m * k);
                    float[] bias = Values(random, m);
                    // Rows of B anywhere in b, overlapping or not, as a stride-1 convolution points them.
                    float[] b = Values(random, (k * n) + 7);
                    int[] rowStarts = [.. Enumerable.Range(0, k).Select(p => random.NextInt(2) == 0 ? p * n : random.NextInt(b.Length - n + 1))];
                    float[] c = new float[(m * n) + 3];
                    c.AsSpan().Fill(float.NaN);
                    CanonicalMatrixProduct.Multiply(a, bias, b, rowStarts, c.AsSpan(0, m * n), m, k, n);
                    for (int i = 0; i < m; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            float expected = bias[i];
                            for (int p = 0; p < k; p++)
                            {
                                float product = a[(i * k) + p] * b[rowStarts[p] + j];
                                expected = (float)(expected + product);
                            }

                            float actual = c[(i * n) + j];
                            if (BitConverter.SingleToInt32Bits(actual) != BitConverter.SingleToInt32Bits(expected))
                            {
                                Assert.Fail($"m={m} k={k} n={n}: C[{i},{j}] = {actual:R}, ordered scalar sum = {expected:R}");
                            }
                        }
                    }

                    Assert.True(c.AsSpan(m * n).ToArray().All(float.IsNaN), $"m={m} k={k} n={n}: wrote past C");
                }
            }
        }
    }

    [Fact]
    public void Multiply_RejectsShortOperandsAndRowsOutsideB()
    {
        float[] a = new float[6];
        Assert.Throws<ArgumentException>(() => CanonicalMatrixProduct.Multiply(a, new float[2], new float[6], [0, 2, 4], new float[3], 2, 3, 2));
        Assert.Throws<ArgumentException>(() => CanonicalMatrixProduct.Multiply(a, new float[2], new float[6], [0, 2, 5], new float[4], 2, 3, 2));
    }

    // Values spanning several binades so that the order of the sum shows in the bits.
    private static float[] Values(RandomSource random, int length)
    {
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (random.NextSingle() - 0.5f) * MathF.Pow(2, random.NextInt(12) - 6);
        }

        return values;
    }
}
