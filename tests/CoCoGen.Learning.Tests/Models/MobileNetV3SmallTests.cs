using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Models;

public sealed class MobileNetV3SmallTests
{
    [Theory]
    [InlineData(1, 28, 10)]
    [InlineData(3, 32, 100)]
    public void Forward_maps_images_to_logits_and_backward_to_input_gradients(int channels, int size, int classes)
    {
        ModelTraining.AssertMapsImagesToLogitsAndBack(new MobileNetV3Small(channels, size, classes, new RandomSource(1)), channels, size, classes);
    }

    [Fact]
    public void Parameter_count_matches_torchvision_for_the_imagenet_configuration()
    {
        // torchvision.models.mobilenet_v3_small(): 2,542,856 parameters.
        Assert.Equal(2_542_856, new MobileNetV3Small(3, 224, 1000, new RandomSource(1)).ParameterCount());
    }

    [Fact]
    public void Loss_decreases_when_training_on_a_few_samples()
    {
        var model = new MobileNetV3Small(1, 28, 10, new RandomSource(3), dropout: 0f);
        var images = ModelTraining.RandomImages(8, 1, 28, seed: 4);

        var (first, last) = ModelTraining.Overfit(model, images, [0, 1, 2, 3, 4, 5, 6, 7], steps: 25, learningRate: 1e-3f);

        Assert.True(last < 0.5f * first, $"loss {first} → {last}");
    }

    [Fact]
    public void Wrong_input_shape_is_rejected()
    {
        var model = new MobileNetV3Small(1, 28, 10, new RandomSource(1));

        var error = Assert.Throws<ArgumentException>(() => model.Forward(new Tensor(1, 1, 32, 32)));

        Assert.Contains("28×28", error.Message, StringComparison.Ordinal);
    }
}
