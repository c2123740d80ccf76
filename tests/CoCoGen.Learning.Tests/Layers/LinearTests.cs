using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

public class LinearTests
{
    [Fact]
    public void Forward_by_hand()
    {
        var layer = new Linear(2, 3, new RandomSource(1));
        Tensor.FromValues([1, 2, 3, 4, 5, 6], 3, 2).Span.CopyTo(layer.Weight.Value.Span);
        Tensor.FromValues([0.5f, -1, 0], 3).Span.CopyTo(layer.Bias!.Value.Span);
        Tensor y = layer.Forward(Tensor.FromValues([1, -1, 2, 0.5f], 2, 2));
        Assert.Equal([-0.5f, -2, -1, 3.5f, 7, 13], y.Storage);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        GradientCheck.Run(new Linear(7, 5, new RandomSource(2)), [3, 7], 3);
        GradientCheck.Run(new Linear(4, 3, new RandomSource(4), bias: false), [5, 4], 5);
    }

    [Fact]
    public void Default_initialisation_is_bounded_by_one_over_sqrt_fan_in()
    {
        var layer = new Linear(100, 50, new RandomSource(6));
        Assert.All(layer.Weight.Value.Storage, v => Assert.InRange(v, -0.1f, 0.1f));
        Assert.All(layer.Bias!.Value.Storage, v => Assert.InRange(v, -0.1f, 0.1f));
    }

    [Fact]
    public void Wrong_input_shape_is_named_in_the_error()
    {
        var layer = new Linear(4, 2, new RandomSource(7));
        var error = Assert.Throws<ArgumentException>(() => layer.Forward(new Tensor(2, 5)));
        Assert.Contains("[N, 4]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gradients_accumulate_until_zeroed()
    {
        var layer = new Linear(2, 1, new RandomSource(8));
        var x = Tensor.FromValues([1, 2], 1, 2);
        layer.Forward(x);
        layer.Backward(Tensor.FromValues([1], 1, 1));
        layer.Forward(x);
        layer.Backward(Tensor.FromValues([1], 1, 1));
        Assert.Equal([2f, 4f], layer.Weight.Gradient.Storage);
        layer.ZeroGradients();
        Assert.All(layer.Weight.Gradient.Storage, v => Assert.Equal(0, v));
    }
}
