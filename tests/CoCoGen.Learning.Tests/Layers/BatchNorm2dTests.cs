using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

public class BatchNorm2dTests
{
    [Fact]
    public void Training_forward_by_hand_and_running_statistics()
    {
        var bn = new BatchNorm2d(1);
        Tensor y = bn.Forward(Tensor.FromValues([1, 2, 3, 4], 2, 1, 1, 2));
        float invStd = 1f / MathF.Sqrt(1.25f + 1e-5f);
        Assert.Equal(-1.5f * invStd, y[0], 5);
        Assert.Equal(-0.5f * invStd, y[1], 5);
        Assert.Equal(0.5f * invStd, y[2], 5);
        Assert.Equal(1.5f * invStd, y[3], 5);
        Assert.Equal(0.25f, bn.RunningMean[0], 6);
        Assert.Equal((0.9f * 1) + (0.1f * 5f / 3f), bn.RunningVariance[0], 6);
    }

    [Fact]
    public void Evaluation_forward_uses_running_statistics()
    {
        var bn = new BatchNorm2d(2);
        bn.RunningMean[0] = 1;
        bn.RunningMean[1] = -1;
        bn.RunningVariance[0] = 4;
        bn.RunningVariance[1] = 0.25f;
        bn.Weight.Value[1] = 2;
        bn.Bias.Value[0] = 10;
        bn.Eval();
        Tensor y = bn.Forward(Tensor.FromValues([3, 0], 1, 2, 1, 1));
        Assert.Equal(10 + (2 / MathF.Sqrt(4 + 1e-5f)), y[0], 5);
        Assert.Equal(2 * (1 / MathF.Sqrt(0.25f + 1e-5f)), y[1], 5);
        Assert.Throws<InvalidOperationException>(() => bn.Backward(new Tensor(1, 2, 1, 1)));
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var bn = new BatchNorm2d(3);
        new RandomSource(9).FillUniform(bn.Weight.Value.Span, 0.5f, 1.5f);
        new RandomSource(10).FillUniform(bn.Bias.Value.Span, -0.5f, 0.5f);
        GradientCheck.Run(bn, [4, 3, 3, 2], 11, epsilon: 1e-2f);
        GradientCheck.Run(new BatchNorm2d(5), [6, 5], 12, epsilon: 1e-2f);
    }

    [Fact]
    public void State_names_match_pytorch()
    {
        Assert.Equal(["weight", "bias", "running_mean", "running_var"], new BatchNorm2d(2).StateTensors().Select(s => s.Name));
    }
}
