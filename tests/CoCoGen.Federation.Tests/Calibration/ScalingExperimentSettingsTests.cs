using CoCoGen.Federation.Adapters.Calibration;

namespace CoCoGen.Federation.Tests.Calibration;

public sealed class ScalingExperimentSettingsTests
{
    [Theory]
    [InlineData(1000, 32, 2, 63)]
    [InlineData(6656, 32, 2, 416)]
    [InlineData(32, 32, 3, 3)]
    [InlineData(33, 32, 1, 2)]
    public void Epochs_make_the_steps_grow_with_n_rounding_the_last_batch_up(int samples, int batch, int epochs, int expected)
    {
        var settings = new ScalingExperimentSettings([0, 1, 2], Steps: 200, Seeds: 1, GeneratorPasses: 1, ScalingMeasure.Test, Epochs: epochs);

        Assert.Equal(expected, settings.StepsFor(samples, batch));
    }

    [Fact]
    public void Without_epochs_every_point_takes_the_fixed_steps()
    {
        var settings = new ScalingExperimentSettings([0, 1, 2], Steps: 200, Seeds: 1, GeneratorPasses: 1, ScalingMeasure.Training);

        Assert.Equal(200, settings.StepsFor(100, 32));
        Assert.Equal(200, settings.StepsFor(100_000, 32));
    }
}
