using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Tests.Layers;

namespace CoCoGen.Learning.Tests.Losses;

public class LossTests
{
    [Fact]
    public void Cross_entropy_by_hand()
    {
        var loss = new SoftmaxCrossEntropyLoss();
        Assert.Equal(MathF.Log(2), loss.Forward(Tensor.FromValues([0, 0], 1, 2), [0]), 6);
        Assert.Equal([-0.5f, 0.5f], loss.Backward().Storage);
        float value = loss.Forward(Tensor.FromValues([1000, 0, 0, 0, 0, 0], 2, 3), [0, 2]);
        Assert.Equal(MathF.Log(3) / 2, value, 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => loss.Forward(new Tensor(1, 3), [3]));
    }

    [Fact]
    public void Mean_squared_error_by_hand()
    {
        var loss = new MeanSquaredErrorLoss();
        Assert.Equal(2.5f, loss.Forward(Tensor.FromValues([1, 2], 2), Tensor.FromValues([0, 4], 2)));
        Assert.Equal([1f, -2f], loss.Backward().Storage);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_by_hand()
    {
        var loss = new BinaryCrossEntropyWithLogitsLoss();
        Assert.Equal(MathF.Log(2), loss.Forward(Tensor.FromValues([0], 1), Tensor.FromValues([1], 1)), 6);
        Assert.Equal(-0.5f, loss.Backward()[0], 6);
        Assert.Equal(0, loss.Forward(Tensor.FromValues([100], 1), Tensor.FromValues([1], 1)), 6);
    }

    [Fact]
    public void Gaussian_kl_by_hand()
    {
        var loss = new GaussianKlDivergenceLoss();
        Assert.Equal(0.5f, loss.Forward(Tensor.FromValues([1], 1, 1), Tensor.FromValues([0], 1, 1)), 6);
        Assert.Equal(0, loss.Forward(new Tensor(2, 3), new Tensor(2, 3)));
        float kl = loss.Forward(Tensor.FromValues([0], 1, 1), Tensor.FromValues([MathF.Log(2)], 1, 1));
        Assert.Equal(-0.5f * (1 + MathF.Log(2) - 2), kl, 6);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var random = new RandomSource(4);
        var logits = Random(random, 4, 5);
        int[] labels = [0, 3, 4, 1];
        var ce = new SoftmaxCrossEntropyLoss();
        ce.Forward(logits, labels);
        GradientCheck.Compare("logits", logits, ce.Backward().Clone(), () => ce.Forward(logits, labels), 1e-2f, 1e-2, random);

        var prediction = Random(random, 3, 4);
        var target = Random(random, 3, 4);
        var mse = new MeanSquaredErrorLoss();
        mse.Forward(prediction, target);
        GradientCheck.Compare("prediction", prediction, mse.Backward().Clone(), () => mse.Forward(prediction, target), 1e-2f, 1e-2, random);

        var probabilities = new Tensor(3, 4);
        random.FillUniform(probabilities.Span, 0, 1);
        var bce = new BinaryCrossEntropyWithLogitsLoss();
        bce.Forward(prediction, probabilities);
        GradientCheck.Compare("logits", prediction, bce.Backward().Clone(), () => bce.Forward(prediction, probabilities), 1e-2f, 1e-2, random);

        var mean = Random(random, 3, 2);
        var logVariance = Random(random, 3, 2);
        var kl = new GaussianKlDivergenceLoss();
        kl.Forward(mean, logVariance);
        (Tensor dMean, Tensor dLogVariance) = kl.Backward();
        Tensor dm = dMean.Clone();
        Tensor dl = dLogVariance.Clone();
        GradientCheck.Compare("mean", mean, dm, () => kl.Forward(mean, logVariance), 1e-2f, 1e-2, random);
        GradientCheck.Compare("log variance", logVariance, dl, () => kl.Forward(mean, logVariance), 1e-2f, 1e-2, random);
    }

    private static Tensor Random(RandomSource random, int rows, int columns)
    {
        var t = new Tensor(rows, columns);
        random.FillUniform(t.Span, -2, 2);
        return t;
    }
}
