using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

public class DropoutTests
{
    [Fact]
    public void Training_forward_keeps_about_one_minus_p_scaled_and_is_seeded()
    {
        var x = new Tensor(10_000);
        x.Fill(1);
        float[] a = new Dropout(0.25f, new RandomSource(5)).Forward(x).Storage.ToArray();
        float[] b = new Dropout(0.25f, new RandomSource(5)).Forward(x).Storage.ToArray();
        Assert.Equal(a, b);
        Assert.All(a, v => Assert.True(v == 0 || Math.Abs(v - (1 / 0.75f)) < 1e-6));
        Assert.InRange(a.Count(v => v == 0), 2_300, 2_700);
    }

    [Fact]
    public void Evaluation_is_the_identity()
    {
        var dropout = new Dropout(0.5f, new RandomSource(1));
        dropout.Eval();
        var x = Tensor.FromValues([1, 2, 3], 3);
        Assert.Same(x, dropout.Forward(x));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(1, new RandomSource(1)));
    }

    [Fact]
    public void Gradient_matches_finite_differences_under_a_fixed_mask()
    {
        // A fresh layer with the same seed replays the mask, so the loss is a fixed function of x.
        var random = new RandomSource(8);
        var x = new Tensor(4, 6);
        random.FillUniform(x.Span, -1, 1);
        var r = new Tensor(4, 6);
        random.FillUniform(r.Span, -1, 1);
        var layer = new Dropout(0.4f, new RandomSource(3));
        layer.Forward(x);
        Tensor analytic = layer.Backward(r).Clone();
        double Loss()
        {
            Tensor y = new Dropout(0.4f, new RandomSource(3)).Forward(x);
            return y.Storage.Zip(r.Storage, (p, q) => (double)p * q).Sum();
        }

        GradientCheck.Compare("input", x, analytic, Loss, 1e-2f, 1e-3, random);
    }
}
