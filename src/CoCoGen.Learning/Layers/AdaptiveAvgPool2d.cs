using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>Average pooling to a fixed output size whatever the input size (1×1 is global average pooling).</summary>
public sealed class AdaptiveAvgPool2d : Layer
{
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer.</summary>
    /// <param name="outputHeight">Output rows.</param>
    /// <param name="outputWidth">Output columns; defaults to the rows.</param>
    public AdaptiveAvgPool2d(int outputHeight, int? outputWidth = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputHeight);
        OutputHeight = outputHeight;
        OutputWidth = outputWidth ?? outputHeight;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OutputWidth);
    }

    /// <summary>Output rows.</summary>
    public int OutputHeight { get; }

    /// <summary>Output columns.</summary>
    public int OutputWidth { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        RequireImage(input, 0, nameof(AdaptiveAvgPool2d));
        _input = input;
        Tensor output = Tensor.Reuse(ref _output, input.Dim(0), input.Dim(1), OutputHeight, OutputWidth);
        Backend.AdaptiveAvgPool2dForward(input, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(AdaptiveAvgPool2d));
        RequireSameShape(outputGradient, _output!, nameof(AdaptiveAvgPool2d));
        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        Backend.AdaptiveAvgPool2dBackward(outputGradient, inputGradient);
        return inputGradient;
    }
}
