using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>
/// Squeeze-and-excitation (MobileNetV3 form): y = x · hardsigmoid(fc2(relu(fc1(avgpool(x))))) per channel,
/// fc1 and fc2 being 1×1 convolutions named as in torchvision ("fc1", "fc2").
/// </summary>
public sealed class SqueezeExcitation : Layer
{
    private readonly AdaptiveAvgPool2d _pool = new(1);
    private readonly Conv2d _fc1;
    private readonly Relu _relu = new();
    private readonly Conv2d _fc2;
    private readonly Hardsigmoid _gate = new();
    private Tensor? _input;
    private Tensor? _scale;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private Tensor? _scaleGradient;

    /// <summary>Creates the block.</summary>
    /// <param name="channels">Channels of the input.</param>
    /// <param name="squeezeChannels">Bottleneck width.</param>
    /// <param name="random">Seeded source for the initial weights.</param>
    public SqueezeExcitation(int channels, int squeezeChannels, RandomSource random)
    {
        Channels = channels;
        _fc1 = new Conv2d(channels, squeezeChannels, 1, random);
        _fc2 = new Conv2d(squeezeChannels, channels, 1, random);
    }

    /// <summary>Channels.</summary>
    public int Channels { get; }

    /// <inheritdoc />
    public override IEnumerable<(string Name, Layer Layer)> Children
        => [("avgpool", _pool), ("fc1", _fc1), ("activation", _relu), ("fc2", _fc2), ("scale_activation", _gate)];

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        RequireImage(input, Channels, nameof(SqueezeExcitation));
        _input = input;
        Tensor scale = _gate.Forward(_fc2.Forward(_relu.Forward(_fc1.Forward(_pool.Forward(input)))));
        _scale = scale.Reshape(input.Dim(0), Channels);
        Tensor output = Tensor.Reuse(ref _output, input.Shape);
        Backend.ScaleChannels(input, _scale, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(SqueezeExcitation));
        RequireSameShape(outputGradient, _output!, nameof(SqueezeExcitation));
        int batch = input.Dim(0);
        Tensor scaleGradient = Tensor.Reuse(ref _scaleGradient, batch, Channels, 1, 1);
        Backend.ChannelDot(input, outputGradient, scaleGradient.Reshape(batch, Channels));
        Tensor pooledGradient = _pool.Backward(_fc1.Backward(_relu.Backward(_fc2.Backward(_gate.Backward(scaleGradient)))));
        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        Backend.ScaleChannels(outputGradient, _scale!, inputGradient);
        Backend.Add(inputGradient, pooledGradient, inputGradient);
        return inputGradient;
    }
}
