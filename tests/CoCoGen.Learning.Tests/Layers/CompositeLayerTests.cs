using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Layers;

public class CompositeLayerTests
{
    [Fact]
    public void Flatten_reshapes_forward_and_back()
    {
        var flatten = new Flatten();
        Tensor y = flatten.Forward(new Tensor(2, 3, 4, 5));
        Assert.Equal([2, 60], y.Shape.ToArray());
        Assert.Equal([2, 3, 4, 5], flatten.Backward(new Tensor(2, 60)).Shape.ToArray());
        GradientCheck.Run(new Flatten(), [2, 3, 2, 2], 1);
    }

    [Fact]
    public void Residual_adds_the_identity_by_hand()
    {
        var body = new Linear(2, 2, new RandomSource(1), bias: false);
        Tensor.FromValues([1, 2, 3, 4], 2, 2).Span.CopyTo(body.Weight.Value.Span);
        Tensor y = new Residual(body).Forward(Tensor.FromValues([1, 1], 1, 2));
        Assert.Equal([4f, 8f], y.Storage);
    }

    [Fact]
    public void Residual_gradients_match_finite_differences()
    {
        var random = new RandomSource(2);
        var body = new Sequential(new Conv2d(3, 3, 3, random, padding: 1), new BatchNorm2d(3), new Relu6());
        GradientCheck.Run(new Residual(body), [2, 3, 4, 4], 3, epsilon: 1e-3f, tolerance: 2e-2);
        var projected = new Residual(new Conv2d(2, 4, 3, random, padding: 1), new Conv2d(2, 4, 1, random));
        GradientCheck.Run(projected, [2, 2, 3, 3], 4);
    }

    [Fact]
    public void Squeeze_excitation_forward_by_hand()
    {
        var se = new SqueezeExcitation(2, 1, new RandomSource(1));
        Dictionary<string, Tensor> state = new()
        {
            ["fc1.weight"] = Tensor.FromValues([1, -1], 1, 2, 1, 1),
            ["fc1.bias"] = new Tensor(1),
            ["fc2.weight"] = Tensor.FromValues([1, 1], 2, 1, 1, 1),
            ["fc2.bias"] = Tensor.FromValues([0, 3], 2),
        };
        se.LoadState(state);
        Tensor y = se.Forward(Tensor.FromValues([1, 3, 2, 4], 1, 2, 1, 2));
        Assert.Equal([0.5f, 1.5f, 2, 4], y.Storage);
    }

    [Fact]
    public void Squeeze_excitation_gradients_match_finite_differences()
    {
        GradientCheck.Run(new SqueezeExcitation(4, 2, new RandomSource(5)), [2, 4, 3, 3], 6, epsilon: 1e-3f);
    }

    [Fact]
    public void Sequential_names_children_by_index_and_skips_first_input_gradient_on_request()
    {
        var random = new RandomSource(7);
        var model = new Sequential(new Conv2d(1, 2, 3, random), new BatchNorm2d(2), new Relu(), new Flatten(), new Linear(8, 3, random));
        Assert.Equal(
            ["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "4.weight", "4.bias"],
            model.StateTensors().Select(s => s.Name));
        Assert.Equal((2 * 9) + 2 + 2 + 2 + (8 * 3) + 3, model.ParameterCount());
        GradientCheck.Run(model, [3, 1, 4, 4], 8, epsilon: 1e-3f, tolerance: 2e-2);
        model.RequiresInputGradient = false;
        Assert.False(model.Layers[0].RequiresInputGradient);
    }

    [Fact]
    public void Train_and_eval_reach_every_child()
    {
        var bn = new BatchNorm2d(1);
        var model = new Sequential(new Residual(new Sequential(bn)));
        model.Eval();
        Assert.False(bn.IsTraining);
        model.Train();
        Assert.True(bn.IsTraining);
    }

    [Fact]
    public void Load_state_rejects_missing_and_misshapen_tensors()
    {
        var layer = new Linear(2, 2, new RandomSource(1));
        Assert.Throws<KeyNotFoundException>(() => layer.LoadState(new Dictionary<string, Tensor> { ["weight"] = new Tensor(2, 2) }));
        var error = Assert.Throws<ArgumentException>(() => layer.LoadState(new Dictionary<string, Tensor> { ["weight"] = new Tensor(2, 3), ["bias"] = new Tensor(2) }));
        Assert.Contains("'weight'", error.Message, StringComparison.Ordinal);
    }
}
