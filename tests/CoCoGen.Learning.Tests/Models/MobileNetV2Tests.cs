using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Models;

public sealed class MobileNetV2Tests
{
    [Theory]
    [InlineData(3, 32, 10)]
    [InlineData(1, 28, 10)]
    public void Forward_maps_images_to_logits_and_backward_to_input_gradients(int channels, int size, int classes)
    {
        ModelTraining.AssertMapsImagesToLogitsAndBack(new MobileNetV2(channels, size, classes, new RandomSource(1)), channels, size, classes);
    }

    [Fact]
    public void Parameter_count_matches_torchvision_for_the_imagenet_configuration()
    {
        // torchvision.models.mobilenet_v2(): 3,504,872 parameters.
        Assert.Equal(3_504_872, new MobileNetV2(3, 224, 1000, new RandomSource(1)).ParameterCount());
    }

    [Fact]
    public void Loss_decreases_when_training_on_a_few_samples()
    {
        var model = new MobileNetV2(1, 28, 10, new RandomSource(3), dropout: 0f);
        var images = ModelTraining.RandomImages(4, 1, 28, seed: 4);

        var (first, last) = ModelTraining.Overfit(model, images, [0, 1, 2, 3], steps: 8, learningRate: 1e-3f);

        Assert.True(last < 0.5f * first, $"loss {first} → {last}");
    }
}
