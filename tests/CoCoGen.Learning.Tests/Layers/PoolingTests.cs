using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

public class PoolingTests
{
    private static Tensor Grid() => Tensor.FromValues([1, 2, 5, 6, 3, 4, 7, 8, 9, 10, 13, 14, 11, 12, 15, 16], 1, 1, 4, 4);

    [Fact]
    public void Max_pool_forward_and_backward_by_hand()
    {
        var pool = new MaxPool2d(2);
        Assert.Equal([4f, 8, 12, 16], pool.Forward(Grid()).Storage);
        Tensor dx = pool.Backward(Tensor.FromValues([1, 2, 3, 4], 1, 1, 2, 2));
        Assert.Equal([0f, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4], dx.Storage);
    }

    [Fact]
    public void Avg_pool_forward_by_hand()
    {
        Assert.Equal([2.5f, 6.5f, 10.5f, 14.5f], new AvgPool2d(2).Forward(Grid()).Storage);
        // 3×3 window, stride 2, padding 1 on 4×4: corner window holds 1,2,3,4 of nine cells.
        Assert.Equal(10f / 9, new AvgPool2d(3, 2, 1).Forward(Grid())[0], 6);
    }

    [Fact]
    public void Adaptive_avg_pool_forward_by_hand()
    {
        Assert.Equal([8.5f], new AdaptiveAvgPool2d(1).Forward(Grid()).Storage);
        Tensor y = new AdaptiveAvgPool2d(3).Forward(Grid());
        Assert.Equal(2.5f, y[0]);
        Assert.Equal((2f + 5 + 4 + 7) / 4, y[1]);
        Assert.Equal(14.5f, y[8]);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        GradientCheck.Run(new MaxPool2d(2), [2, 3, 6, 6], 31, epsilon: 1e-3f);
        GradientCheck.Run(new MaxPool2d(3, 2, 1), [2, 2, 7, 7], 32, epsilon: 1e-3f);
        GradientCheck.Run(new AvgPool2d(2), [2, 3, 6, 6], 33);
        GradientCheck.Run(new AvgPool2d(3, 2, 1), [2, 2, 7, 5], 34);
        GradientCheck.Run(new AdaptiveAvgPool2d(1), [2, 3, 5, 5], 35);
        GradientCheck.Run(new AdaptiveAvgPool2d(3, 2), [2, 2, 7, 5], 36);
    }
}
