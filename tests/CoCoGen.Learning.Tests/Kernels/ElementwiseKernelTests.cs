using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Kernels;

public class ElementwiseKernelTests
{
    public static IEnumerable<int> Lengths => Enumerable.Range(0, 101).Concat([127, 129, 255, 257, 1023, 1025, 4099]);

    public static TheoryData<ActivationKind> Kinds() => new(Enum.GetValues<ActivationKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Activation_forward_matches_the_scalar_definition_at_every_length(ActivationKind kind)
    {
        foreach (int length in Lengths)
        {
            float[] x = Inputs(length, 1);
            float[] y = new float[length];
            ActivationKernels.Forward(kind, x, y);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(ActivationKernels.ForwardScalar(kind, x[i]), y[i], 1e-6f);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Activation_backward_matches_the_scalar_definition_at_every_length(ActivationKind kind)
    {
        foreach (int length in Lengths)
        {
            float[] x = Inputs(length, 2);
            float[] dy = Inputs(length, 3);
            float[] dx = new float[length];
            ActivationKernels.Backward(kind, x, dy, dx);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(ActivationKernels.BackwardScalar(kind, x[i], dy[i]), dx[i], 1e-6f);
            }
        }
    }

    [Fact]
    public void Activation_definitions_by_hand()
    {
        Assert.Equal(0f, ActivationKernels.ForwardScalar(ActivationKind.Relu, -2f));
        Assert.Equal(6f, ActivationKernels.ForwardScalar(ActivationKind.Relu6, 7.5f));
        Assert.Equal(2f * 5f / 6f, ActivationKernels.ForwardScalar(ActivationKind.Hardswish, 2f), 6);
        Assert.Equal(0.5f, ActivationKernels.ForwardScalar(ActivationKind.Hardsigmoid, 0f));
        Assert.Equal(1f / (1f + MathF.Exp(-1f)), ActivationKernels.ForwardScalar(ActivationKind.Sigmoid, 1f), 6);
        Assert.Equal(2f * (1f / 3f + 0.5f), ActivationKernels.BackwardScalar(ActivationKind.Hardswish, 1f, 2f), 6);
        Assert.Equal(0f, ActivationKernels.BackwardScalar(ActivationKind.Relu6, 6f, 1f));
    }

    [Fact]
    public void Vector_kernels_match_scalar_loops_at_every_length()
    {
        foreach (int length in Lengths)
        {
            float[] x = Inputs(length, 4);
            float[] y = Inputs(length, 5);
            float[] d = new float[length];
            VectorKernels.Add(x, y, d);
            Assert.All(Enumerable.Range(0, length), i => Assert.Equal(x[i] + y[i], d[i]));
            VectorKernels.Multiply(x, y, d);
            Assert.All(Enumerable.Range(0, length), i => Assert.Equal(x[i] * y[i], d[i]));
            VectorKernels.Scale(x, 3f, d);
            Assert.All(Enumerable.Range(0, length), i => Assert.Equal(x[i] * 3f, d[i]));
            float[] acc = (float[])y.Clone();
            VectorKernels.AddScaled(0.5f, x, acc);
            Assert.All(Enumerable.Range(0, length), i => Assert.Equal(y[i] + (0.5f * x[i]), acc[i], 1e-6f));
            Assert.Equal(x.Sum(v => (double)v), VectorKernels.Sum(x), 1e-3);
            Assert.Equal(x.Zip(y, (p, q) => (double)p * q).Sum(), VectorKernels.Dot(x, y), 1e-3);
        }
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_up_front()
    {
        Assert.Throws<ArgumentException>(() => ActivationKernels.Forward(ActivationKind.Relu, new float[3], new float[2]));
        Assert.Throws<ArgumentException>(() => ActivationKernels.Backward(ActivationKind.Relu, new float[3], new float[2], new float[3]));
        Assert.Throws<ArgumentException>(() => VectorKernels.Add(new float[3], new float[3], new float[4]));
    }

    [Fact]
    public void Optimizer_kernels_match_scalar_loops_at_every_length()
    {
        foreach (int length in Lengths)
        {
            foreach (bool nesterov in new[] { false, true })
            {
                float[] p = Inputs(length, 6);
                float[] g = Inputs(length, 7);
                float[] v = Inputs(length, 8);
                float[] pr = (float[])p.Clone();
                float[] vr = (float[])v.Clone();
                OptimizerKernels.SgdStep(p, g, v, 0.1f, 0.9f, 0.01f, nesterov);
                for (int i = 0; i < length; i++)
                {
                    float step = g[i] + (0.01f * pr[i]);
                    vr[i] = (0.9f * vr[i]) + step;
                    step = nesterov ? step + (0.9f * vr[i]) : vr[i];
                    Assert.Equal(pr[i] - (0.1f * step), p[i], 1e-6f);
                    Assert.Equal(vr[i], v[i], 1e-6f);
                }
            }
        }
    }

    private static float[] Inputs(int length, ulong seed)
    {
        float[] x = new float[length];
        new RandomSource(seed).FillUniform(x, -8, 8);
        return x;
    }
}
