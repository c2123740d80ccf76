using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>Average pooling with a square window (floor mode, padding counted in the divisor as PyTorch's default).</summary>
public sealed class AvgPool2d : Layer
{
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the layer.</summary>
    /// <param name="kernelSize">Window size.</param>
    /// <param name="stride">Step; defaults to the window size.</param>
    /// <param name="padding">Implicit zero padding.</param>
    public AvgPool2d(int kernelSize, int? stride = null, int padding = 0)
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
        Backend.AvgPool2dForward(input, output, g);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor input = RequireForward(_input, nameof(AvgPool2d));
        RequireSameShape(outputGradient, _output!, nameof(AvgPool2d));
        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, input.Shape);
        Backend.AvgPool2dBackward(outputGradient, inputGradient, Geometry(input));
        return inputGradient;
    }

    private Pool2dGeometry Geometry(Tensor input)
    {
        RequireImage(input, 0, nameof(AvgPool2d));
        var g = new Pool2dGeometry(input.Dim(0), input.Dim(1), input.Dim(2), input.Dim(3), KernelSize, Stride, Padding);
        g.Validate();
        return g;
    }
}
