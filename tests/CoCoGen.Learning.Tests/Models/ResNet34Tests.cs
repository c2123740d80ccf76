using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Models;

public sealed class ResNet34Tests
{
    [Theory]
    [InlineData(3, 32, 100)]
    [InlineData(1, 28, 10)]
    public void Forward_maps_images_to_logits_and_backward_to_input_gradients(int channels, int size, int classes)
    {
        ModelTraining.AssertMapsImagesToLogitsAndBack(new ResNet34(channels, size, classes, new RandomSource(1)), channels, size, classes);
    }

    [Fact]
    public void Parameter_count_matches_torchvision_for_the_imagenet_configuration()
    {
        // torchvision.models.resnet34(): 21,797,672 parameters.
        Assert.Equal(21_797_672, new ResNet34(3, 224, 1000, new RandomSource(1)).ParameterCount());
    }

    [Fact]
    public void Loss_decreases_when_training_on_a_few_samples()
    {
        var model = new ResNet34(1, 28, 10, new RandomSource(3));
        var images = ModelTraining.RandomImages(4, 1, 28, seed: 4);

        var (first, last) = ModelTraining.Overfit(model, images, [5, 0, 7, 9], steps: 6, learningRate: 1e-3f);

        Assert.True(last < 0.5f * first, $"loss {first} → {last}");
    }
}
