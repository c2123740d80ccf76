using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Serialization;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;
using static CoCoGen.Learning.Torch.Tests.CrossBackendFixture;

namespace CoCoGen.Learning.Torch.Tests;

public sealed class CrossBackendTests
{
    public static TheoryData<string> Presets => ["lenet5", "mobilenetv3-small", "mobilenetv2", "resnet34-10", "resnet34-100"];

    private static (Layer Model, int Channels, int Side, int Classes) Build(string preset, ulong seed) => preset switch
    {
        "lenet5" => (new LeNet5(1, 28, 10, new RandomSource(seed)), 1, 28, 10),
        "mobilenetv3-small" => (new MobileNetV3Small(1, 28, 10, new RandomSource(seed)), 1, 28, 10),
        "mobilenetv2" => (new MobileNetV2(3, 32, 10, new RandomSource(seed)), 3, 32, 10),
        "resnet34-10" => (new ResNet34(3, 32, 10, new RandomSource(seed)), 3, 32, 10),
        "resnet34-100" => (new ResNet34(3, 32, 100, new RandomSource(seed)), 3, 32, 100),
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, null),
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Weights_trained_on_native_evaluate_to_the_same_loss_on_torch(string preset)
    {
        using var native = NativeBackend();
        using var onTorchBackend = TorchBackend();
        (Layer model, int channels, int side, int classes) = Build(preset, 3);
        using IClassifier onNative = native.Classifier(model);
        using IClassifier onTorch = onTorchBackend.Classifier(Build(preset, 99).Model); // other initial weights: the load must replace them all
        var train = RandomBatch(8, channels, side, classes, 11);
        var test = RandomBatch(6, channels, side, classes, 12);

        // Two steps move weights and batch-norm running statistics away from their initial values.
        onNative.StartTraining(OptimizerSettings.Sgd(0.05f, 0.9f)).TrainEpoch([train, train]);
        var trained = Copy(onNative.State());
        onTorch.LoadState(trained);

        EpochResult onNativeResult = onNative.Evaluate([test]);
        EpochResult onTorchResult = onTorch.Evaluate([test]);
        Assert.True(onNativeResult.MeanLoss > 0.1, $"loss {onNativeResult.MeanLoss}: the comparison needs a non-trivial loss");
        Assert.InRange(Math.Abs(onNativeResult.MeanLoss - onTorchResult.MeanLoss), 0, 1e-4);
        Assert.Equal(0f, MaxDifference(onNative.State(), onTorch.State())); // the state read back is what was loaded
    }

    [Theory]
    [InlineData("lenet5")]
    [InlineData("mobilenetv3-small")]
    public void Weights_trained_on_torch_evaluate_to_the_same_loss_on_native_through_a_safetensors_file(string preset)
    {
        using var native = NativeBackend();
        using var onTorchBackend = TorchBackend();
        (Layer model, int channels, int side, int classes) = Build(preset, 5);
        using IClassifier onTorch = onTorchBackend.Classifier(model);
        var train = RandomBatch(8, channels, side, classes, 21);
        var test = RandomBatch(6, channels, side, classes, 22);
        onTorch.StartTraining(OptimizerSettings.Adam(1e-3f)).TrainEpoch([train, train, train]);

        using var file = new MemoryStream();
        SafetensorsFile.Write(file, onTorch.State());
        file.Position = 0;
        (Dictionary<string, Tensor> read, _) = SafetensorsFile.Read(file);
        using IClassifier onNative = native.Classifier(Build(preset, 77).Model);
        onNative.LoadState(read);

        double torchLoss = onTorch.Evaluate([test]).MeanLoss;
        double nativeLoss = onNative.Evaluate([test]).MeanLoss;
        Assert.True(torchLoss > 0.1, $"loss {torchLoss}: the comparison needs a non-trivial loss");
        Assert.InRange(Math.Abs(torchLoss - nativeLoss), 0, 1e-4);
    }

    [Fact]
    public void One_sgd_step_from_the_same_weights_gives_the_same_weights_on_both_backends()
    {
        using var native = NativeBackend();
        using var onTorchBackend = TorchBackend();
        using IClassifier onNative = native.Classifier(new LeNet5(1, 28, 10, new RandomSource(8)));
        using IClassifier onTorch = onTorchBackend.Classifier(new LeNet5(1, 28, 10, new RandomSource(8)));
        var before = Copy(onNative.State());
        var batch = RandomBatch(16, 1, 28, 10, 31);
        var settings = new OptimizerSettings(OptimizerKind.Sgd, 0.1f, Momentum: 0.9f, WeightDecay: 1e-3f, Nesterov: true);

        EpochResult nativeStep = onNative.StartTraining(settings).TrainEpoch([batch, batch]);
        EpochResult torchStep = onTorch.StartTraining(settings).TrainEpoch([batch, batch]);

        Assert.InRange(Math.Abs(nativeStep.MeanLoss - torchStep.MeanLoss), 0, 1e-5);
        float moved = MaxDifference(onNative.State(), [.. before.Select(kv => (kv.Key, kv.Value))]);
        Assert.True(moved > 1e-2, $"the steps moved the weights by at most {moved}");
        Assert.InRange(MaxDifference(onNative.State(), onTorch.State()), 0, 1e-5);
    }

    [Fact]
    public void Conditional_vae_gives_the_same_losses_step_and_samples_on_both_backends()
    {
        using var native = NativeBackend();
        using var onTorchBackend = TorchBackend();
        using IConditionalGenerator onNative = native.Generator(new ConditionalVae(1, 28, 10, 16, new RandomSource(4)));
        using IConditionalGenerator onTorch = onTorchBackend.Generator(new ConditionalVae(1, 28, 10, 16, new RandomSource(4)));
        var batch = UnitBatch(12, 1, 28, 10, 41);

        VaeLoss nativeLoss = onNative.StartTraining(1e-3f, new RandomSource(9)).TrainEpoch([batch]);
        VaeLoss torchLoss = onTorch.StartTraining(1e-3f, new RandomSource(9)).TrainEpoch([batch]);

        Assert.True(nativeLoss.Reconstruction > 100, $"reconstruction {nativeLoss.Reconstruction} nats: expected a large untrained bound");
        Assert.InRange(Math.Abs(nativeLoss.Reconstruction - torchLoss.Reconstruction), 0, 1e-5 * nativeLoss.Reconstruction);
        Assert.InRange(Math.Abs(nativeLoss.KlDivergence - torchLoss.KlDivergence), 0, 1e-4);
        Assert.InRange(MaxDifference(onNative.State(), onTorch.State()), 0, 1e-5);

        int[] labels = [0, 3, 9, 9, 5];
        Tensor nativeSamples = onNative.Sample(labels, new RandomSource(13));
        Tensor torchSamples = onTorch.Sample(labels, new RandomSource(13));
        Assert.True(nativeSamples.HasShape([5, 1, 28, 28]));
        Assert.Equal(0f, MaxDifference([("s", nativeSamples)], [("s", torchSamples)]), 5);
    }
}
