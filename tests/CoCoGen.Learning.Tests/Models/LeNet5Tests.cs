using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Tests.Layers;

namespace CoCoGen.Learning.Tests.Models;

public class LeNet5Tests
{
    [Theory]
    [InlineData(1, 28, 10)]
    [InlineData(3, 32, 10)]
    [InlineData(1, 32, 100)]
    [InlineData(3, 28, 2)]
    public void Produces_logits_for_every_configuration(int channels, int size, int classes)
    {
        var model = new LeNet5(channels, size, classes, new RandomSource(1));
        Tensor logits = model.Forward(new Tensor(3, channels, size, size));
        Assert.Equal([3, classes], logits.Shape.ToArray());
        long expected = (channels * 6 * 25) + 6 + (6 * 16 * 25) + 16 + (400 * 120) + 120 + (120 * 84) + 84 + (84 * classes) + classes;
        Assert.Equal(expected, model.ParameterCount());
    }

    [Fact]
    public void State_names_follow_the_pytorch_attributes()
    {
        Assert.Equal(
            ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"],
            new LeNet5(1, 28, 10, new RandomSource(1)).StateTensors().Select(s => s.Name));
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        var model = new LeNet5(1, 28, 10, new RandomSource(2)) { RequiresInputGradient = true };
        // A small step keeps ReLU pre-activations from crossing zero between the two evaluations.
        GradientCheck.Run(model, [2, 1, 28, 28], 3, epsilon: 5e-4f, tolerance: 3e-2);
    }

    [Fact]
    public void Pooling_before_relu_gives_exactly_the_outputs_and_gradients_of_the_pytorch_order()
    {
        var random = new RandomSource(4);
        var model = new LeNet5(1, 28, 10, random) { RequiresInputGradient = true };
        var pytorchOrder = new Sequential(
            new Conv2d(1, 6, 5, random, padding: 2), new Relu(), new MaxPool2d(2),
            new Conv2d(6, 16, 5, random), new Relu(), new MaxPool2d(2),
            new Flatten(),
            new Linear(400, 120, random), new Relu(),
            new Linear(120, 84, random), new Relu(),
            new Linear(84, 10, random))
        { RequiresInputGradient = true };
        Parameter[] ours = [.. model.Parameters()];
        Parameter[] theirs = [.. pytorchOrder.Parameters()];
        Assert.Equal(ours.Length, theirs.Length);
        for (int i = 0; i < ours.Length; i++)
        {
            ours[i].Value.Span.CopyTo(theirs[i].Value.Span);
        }

        var x = new Tensor(5, 1, 28, 28);
        var dy = new Tensor(5, 10);
        random.FillUniform(x.Span, -2, 2);
        random.FillUniform(dy.Span, -1, 1);
        Assert.Equal(pytorchOrder.Forward(x).Span.ToArray(), model.Forward(x).Span.ToArray());
        Assert.Equal(pytorchOrder.Backward(dy).Span.ToArray(), model.Backward(dy).Span.ToArray());
        for (int i = 0; i < ours.Length; i++)
        {
            Assert.Equal(theirs[i].Gradient.Span.ToArray(), ours[i].Gradient.Span.ToArray());
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_weights()
    {
        var a = new LeNet5(3, 32, 10, new RandomSource(9)).StateTensors().SelectMany(s => s.Tensor.Storage).ToArray();
        var b = new LeNet5(3, 32, 10, new RandomSource(9)).StateTensors().SelectMany(s => s.Tensor.Storage).ToArray();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Rejects_unsupported_shapes_with_the_field_named()
    {
        Assert.Contains("inputChannels", Assert.Throws<ArgumentOutOfRangeException>(() => new LeNet5(2, 28, 10, new RandomSource(1))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeNet5(1, 30, 10, new RandomSource(1)));
        Assert.Throws<ArgumentException>(() => new LeNet5(1, 28, 10, new RandomSource(1)).Forward(new Tensor(1, 1, 32, 32)));
    }

    [Fact]
    public void Overfits_a_small_cifar_sized_batch()
    {
        var model = new LeNet5(3, 32, 10, new RandomSource(5));
        var images = ModelTraining.RandomImages(8, 3, 32, seed: 6);

        var (first, last) = ModelTraining.Overfit(model, images, [0, 1, 2, 3, 4, 5, 6, 7], steps: 40, learningRate: 3e-3f);

        Assert.True(last < 0.25f * first, $"loss {first} -> {last}");
    }
}
