using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

public class ConvTranspose2dTests
{
    [Fact]
    public void Forward_by_hand_stride_two_spreads_each_pixel()
    {
        var layer = new ConvTranspose2d(1, 1, 2, new RandomSource(1), stride: 2, bias: false);
        layer.Weight.Value.Fill(1);
        Tensor y = layer.Forward(Tensor.FromValues([1, 2, 3, 4], 1, 1, 2, 2));
        Assert.Equal([1, 1, 4, 4], y.Shape.ToArray());
        Assert.Equal([1f, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], y.Storage);
    }

    [Fact]
    public void Forward_by_hand_stride_one_sums_overlaps()
    {
        var layer = new ConvTranspose2d(1, 1, 2, new RandomSource(1));
        layer.Weight.Value.Fill(1);
        layer.Bias!.Value[0] = 1;
        Tensor y = layer.Forward(Tensor.FromValues([1, 2, 3, 4], 1, 1, 2, 2));
        Assert.Equal([2f, 4, 3, 5, 11, 7, 4, 8, 5], y.Storage);
    }

    [Theory]
    [InlineData(3, 2, 3, 2, 1, 1)]
    [InlineData(2, 4, 4, 2, 1, 0)]
    [InlineData(2, 3, 3, 1, 0, 0)]
    public void Gradients_match_finite_differences(int inChannels, int outChannels, int kernel, int stride, int padding, int outputPadding)
    {
        var layer = new ConvTranspose2d(inChannels, outChannels, kernel, new RandomSource(2), stride, padding, outputPadding);
        GradientCheck.Run(layer, [2, inChannels, 4, 3], 5);
    }

    [Fact]
    public void Output_size_follows_the_pytorch_formula()
    {
        var layer = new ConvTranspose2d(4, 2, 4, new RandomSource(1), stride: 2, padding: 1);
        Assert.Equal([3, 2, 14, 14], layer.Forward(new Tensor(3, 4, 7, 7)).Shape.ToArray());
    }
}
