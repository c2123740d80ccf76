using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>Max pooling with a square window (floor mode); the gradient flows to each window's maximum.</summary>
public sealed class MaxPool2d : Layer
{
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private int[] _argmax = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="kernelSize">Window size.</param>
    /// <param name="stride">Step; defaults to the window size.</param>
    /// <param name="padding">Implicit padding (never selected).</param>
    public MaxPool2d(int kernelSize, int? stride = null, int padding = 0)
    {
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding;
    }

    /// <summary>Window size.</summary>
    public int KernelSize { get; }

    /// <summary>Step.</summary>
    public int Stride { get; }

    /// <summary>Padding.</summary>
    public int Padding { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        Pool2dGeometry g = Geometry(input);
        _input = input;
        Tensor output = Tensor.Reuse(ref _output, g.Batch, g.Channels, g.OutHeight, g.OutWidth);
        if (_argmax.Length != output.Length)
        {
            _argmax = new int[output.Length];
        }

        Backend.MaxPool2dForward(input, output, _argmax, g);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(MaxPool2d));
        RequireSameShape(outputGradient, _output!, nameof(MaxPool2d));
        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        Backend.MaxPool2dBackward(outputGradient, _argmax, inputGradient, Geometry(input));
        return inputGradient;
    }

    private Pool2dGeometry Geometry(Tensor input)
    {
        RequireImage(input, 0, nameof(MaxPool2d));
        var g = new Pool2dGeometry(input.Dim(0), input.Dim(1), input.Dim(2), input.Dim(3), KernelSize, Stride, Padding);
        g.Validate();
        return g;
    }
}
