using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

public class Conv2dTests
{
    private static readonly float[] Image = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void Forward_by_hand_valid()
    {
        var conv = new Conv2d(1, 1, 2, new RandomSource(1), bias: false);
        Tensor.FromValues([1, 2, 3, 4], 1, 1, 2, 2).Span.CopyTo(conv.Weight.Value.Span);
        Tensor y = conv.Forward(Tensor.FromValues(Image, 1, 1, 3, 3));
        Assert.Equal([1, 1, 2, 2], y.Shape.ToArray());
        Assert.Equal([37f, 47, 67, 77], y.Storage);
    }

    [Fact]
    public void Forward_by_hand_padding_stride_and_bias()
    {
        var conv = new Conv2d(1, 1, 2, new RandomSource(1), stride: 2, padding: 1);
        Tensor.FromValues([1, 2, 3, 4], 1, 1, 2, 2).Span.CopyTo(conv.Weight.Value.Span);
        conv.Bias!.Value[0] = 0.5f;
        Tensor y = conv.Forward(Tensor.FromValues(Image, 1, 1, 3, 3));
        Assert.Equal([4.5f, 18.5f, 36.5f, 77.5f], y.Storage);
    }

    [Fact]
    public void Forward_by_hand_depthwise()
    {
        var conv = new Conv2d(2, 2, 1, new RandomSource(1), groups: 2, bias: false);
        conv.Weight.Value[0] = 2;
        conv.Weight.Value[1] = 3;
        Tensor y = conv.Forward(Tensor.FromValues([1, 2, 3, 4], 1, 2, 1, 2));
        Assert.Equal([2f, 4, 9, 12], y.Storage);
    }

    [Theory]
    [InlineData(3, 4, 3, 1, 1, 1)]
    [InlineData(2, 3, 5, 2, 2, 1)]
    [InlineData(4, 4, 3, 1, 1, 4)]
    [InlineData(4, 6, 3, 2, 1, 2)]
    [InlineData(3, 5, 1, 1, 0, 1)]
    public void Gradients_match_finite_differences(int inChannels, int outChannels, int kernel, int stride, int padding, int groups)
    {
        var conv = new Conv2d(inChannels, outChannels, kernel, new RandomSource(2), stride, padding, groups);
        GradientCheck.Run(conv, [2, inChannels, 6, 5], 3);
    }

    [Fact]
    public void Mismatched_channels_are_rejected()
    {
        var conv = new Conv2d(3, 4, 3, new RandomSource(1));
        Assert.Throws<ArgumentException>(() => conv.Forward(new Tensor(1, 2, 8, 8)));
        Assert.Throws<ArgumentException>(() => new Conv2d(3, 4, 3, new RandomSource(1), groups: 2));
    }
}
