using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

public class ActivationTests
{
    [Fact]
    public void Forward_by_hand()
    {
        Assert.Equal([0f, 0.5f], new Relu().Forward(Tensor.FromValues([-1, 0.5f], 2)).Storage);
        Assert.Equal([0f, 3, 6], new Relu6().Forward(Tensor.FromValues([-2, 3, 7], 3)).Storage);
        float[] hs = new Hardswish().Forward(Tensor.FromValues([-4, -1, 1, 4], 4)).Storage;
        Assert.Equal([0f, -1f / 3, 2f / 3, 4], hs, new Tolerance(1e-6f));
        Assert.Equal([0f, 0.5f, 0.75f, 1], new Hardsigmoid().Forward(Tensor.FromValues([-4, 0, 1.5f, 4], 4)).Storage, new Tolerance(1e-6f));
        Assert.Equal([0.5f, 0.75f], new Sigmoid().Forward(Tensor.FromValues([0, MathF.Log(3)], 2)).Storage, new Tolerance(1e-6f));
    }

    public static TheoryData<ActivationKind> Kinds() => new(Enum.GetValues<ActivationKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Gradients_match_finite_differences(ActivationKind kind)
    {
        // Inputs spread over [-8, 8] exercise every piece; the gap keeps them off the kinks by more than ε.
        GradientCheck.Run(new Activation(kind), [3, 2, 4, 5], (ulong)kind + 20, epsilon: 1e-3f, inputMagnitude: 8, kinkGap: 0.01f);
    }

    private sealed class Tolerance(float epsilon) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(float obj) => 0;
    }
}
