using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Kernels;

public class Im2ColTests
{
    private const float Sentinel = 7777f;

    [Theory]
    [MemberData(nameof(ConvolutionKernelTests.Geometries), MemberType = typeof(ConvolutionKernelTests))]
    public void Unfold_and_its_transpose_match_the_patch_definition_and_write_nothing_past_the_matrix(Conv2dGeometry g)
    {
        var random = new RandomSource(3);
        float[] x = new float[g.Batch * g.InChannels * g.InHeight * g.InWidth];
        random.FillUniform(x, -1, 1);
        int first = g.Batch > 1 ? 1 : 0;
        int count = g.Batch - first;
        int pixels = g.OutHeight * g.OutWidth;
        int width = count * pixels;
        int needed = g.PatchSize * width;
        for (int group = 0; group < g.Groups; group++)
        {
            float[] columns = new float[needed + 40];
            float[] rows = new float[needed + 40];
            Array.Fill(columns, Sentinel);
            Array.Fill(rows, Sentinel);
            Im2Col.Unfold(x, g, group, first, count, columns);
            Im2Col.UnfoldTransposed(x, g, group, first, count, rows);
            for (int k = 0; k < g.PatchSize; k++)
            {
                for (int column = 0; column < width; column++)
                {
                    float expected = PatchValue(x, g, group, first + (column / pixels), column % pixels, k);
                    Assert.Equal(expected, columns[(k * width) + column]);
                    Assert.Equal(expected, rows[(column * g.PatchSize) + k]);
                }
            }

            Assert.All(columns[needed..], v => Assert.Equal(Sentinel, v));
            Assert.All(rows[needed..], v => Assert.Equal(Sentinel, v));
        }
    }

    private static float PatchValue(float[] x, Conv2dGeometry g, int group, int n, int pixel, int k)
    {
        int c = k / (g.KernelHeight * g.KernelWidth);
        int kh = k / g.KernelWidth % g.KernelHeight;
        int kw = k % g.KernelWidth;
        int ih = (pixel / g.OutWidth * g.Stride) - g.Padding + kh;
        int iw = (pixel % g.OutWidth * g.Stride) - g.Padding + kw;
        if (ih < 0 || ih >= g.InHeight || iw < 0 || iw >= g.InWidth)
        {
            return 0;
        }

        int channel = (group * g.GroupInChannels) + c;
        return x[(((((n * g.InChannels) + channel) * g.InHeight) + ih) * g.InWidth) + iw];
    }
}
