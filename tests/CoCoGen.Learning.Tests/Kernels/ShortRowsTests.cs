using CoCoGen.Learning.Kernels;

namespace CoCoGen.Learning.Tests.Kernels;

public class ShortRowsTests
{
    [Fact]
    public unsafe void Add_and_copy_match_the_scalar_loop_at_every_short_length_and_touch_nothing_else()
    {
        for (int length = 0; length <= 40; length++)
        {
            float[] source = [.. Enumerable.Range(0, length + 8).Select(i => (i * 0.37f) - 3f)];
            float[] sum = [.. Enumerable.Range(0, length + 8).Select(i => (i * -0.11f) + 1f)];
            float[] copy = new float[length + 8];
            float[] expectedSum = (float[])sum.Clone();
            for (int i = 0; i < length; i++)
            {
                expectedSum[i] += source[i];
            }

            fixed (float* s = source)
            fixed (float* d = sum)
            fixed (float* c = copy)
            {
                ShortRows.Add(s, d, length);
                ShortRows.Copy(s, c, length);
            }

            Assert.Equal(expectedSum, sum);
            Assert.Equal(source[..length], copy[..length]);
            Assert.All(copy[length..], v => Assert.Equal(0f, v));
        }
    }
}
