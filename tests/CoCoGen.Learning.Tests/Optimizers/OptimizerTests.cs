using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Optimizers;

public class OptimizerTests
{
    private static Parameter Scalar(float value, float gradient)
    {
        var p = new Parameter("p", Tensor.FromValues([value], 1));
        p.Gradient[0] = gradient;
        return p;
    }

    [Fact]
    public void Sgd_momentum_by_hand()
    {
        Parameter p = Scalar(1, 0.5f);
        var sgd = new Sgd([p], 0.1f, momentum: 0.9f);
        sgd.Update();
        Assert.Equal(0.95f, p.Value[0], 6);
        sgd.Update();
        Assert.Equal(0.855f, p.Value[0], 6);
    }

    [Fact]
    public void Sgd_nesterov_and_weight_decay_by_hand()
    {
        Parameter p = Scalar(1, 0.5f);
        new Sgd([p], 0.1f, momentum: 0.9f, nesterov: true).Update();
        Assert.Equal(0.905f, p.Value[0], 6);
        Parameter q = Scalar(1, 0.5f);
        new Sgd([q], 0.1f, weightDecay: 0.1f).Update();
        Assert.Equal(0.94f, q.Value[0], 6);
        Assert.Throws<ArgumentException>(() => new Sgd([q], 0.1f, nesterov: true));
    }

    [Fact]
    public void Adam_first_step_moves_by_the_learning_rate_and_second_by_hand()
    {
        Parameter p = Scalar(1, 0.5f);
        var adam = new Adam([p], 0.1f);
        adam.Update();
        Assert.Equal(0.9f, p.Value[0], 5);
        p.Gradient[0] = -1;
        adam.Update();
        double m = (0.9 * 0.05) + (0.1 * -1);
        double v = (0.999 * 0.00025) + (0.001 * 1);
        double expected = 0.9 - (0.1 * (m / (1 - (0.9 * 0.9))) / (Math.Sqrt(v / (1 - (0.999 * 0.999))) + 1e-8));
        Assert.Equal(expected, p.Value[0], 5);
    }

    [Fact]
    public void Both_optimizers_fit_a_linear_regression()
    {
        foreach (Func<IEnumerable<Parameter>, Optimizer> create in new Func<IEnumerable<Parameter>, Optimizer>[]
        {
            ps => new Sgd(ps, 0.1f, momentum: 0.9f),
            ps => new Adam(ps, 0.05f),
        })
        {
            var random = new RandomSource(3);
            var model = new Linear(3, 1, random);
            Optimizer optimizer = create(model.Parameters());
            var x = new Tensor(32, 3);
            random.FillUniform(x.Span, -1, 1);
            var y = new Tensor(32, 1);
            for (int i = 0; i < 32; i++)
            {
                y[i] = (2 * x[i, 0]) - x[i, 1] + (0.5f * x[i, 2]) + 1;
            }

            var loss = new MeanSquaredErrorLoss();
            float last = 0;
            for (int step = 0; step < 300; step++)
            {
                optimizer.ZeroGradients();
                last = loss.Forward(model.Forward(x), y);
                model.Backward(loss.Backward());
                optimizer.Update();
            }

            Assert.True(last < 1e-4, $"{optimizer.GetType().Name} final loss {last}");
            Assert.Equal(2, model.Weight.Value[0], 1);
        }
    }

    [Fact]
    public void Schedules_by_hand()
    {
        var step = new StepSchedule(0.1f, 2, 0.5f);
        Assert.Equal([0.1f, 0.1f, 0.05f, 0.05f, 0.025f], Enumerable.Range(0, 5).Select(step.LearningRateAt));
        var cosine = new CosineSchedule(1, 4);
        Assert.Equal(1, cosine.LearningRateAt(0), 6);
        Assert.Equal(0.5f, cosine.LearningRateAt(2), 6);
        Assert.Equal(0, cosine.LearningRateAt(4), 6);
        Assert.Equal(0, cosine.LearningRateAt(10), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd([Scalar(1, 1)], 0));
    }
}
