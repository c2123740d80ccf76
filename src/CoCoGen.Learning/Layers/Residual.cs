using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>
/// Residual add: y = body(x) + shortcut(x), with the identity when no shortcut is given (ResNet blocks,
/// MobileNetV2 inverted residuals). Children are named "body" and "shortcut".
/// </summary>
public sealed class Residual : Layer
{
    private readonly Layer _body;
    private readonly Layer? _shortcut;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates the block.</summary>
    /// <param name="body">The residual branch.</param>
    /// <param name="shortcut">The projection branch, or null for the identity.</param>
    public Residual(Layer body, Layer? shortcut = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        _body = body;
        _shortcut = shortcut;
    }

    /// <inheritdoc />
    public override IEnumerable<(string Name, Layer Layer)> Children
        => _shortcut is null ? [("body", _body)] : [("body", _body), ("shortcut", _shortcut)];

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor main = _body.Forward(input);
        Tensor skip = _shortcut?.Forward(input) ?? input;
        if (!main.HasShape(skip.Shape))
        {
            throw new ArgumentException($"Residual branches disagree: body gives {main.ShapeText}, shortcut {skip.ShapeText}.", nameof(input));
        }

        Tensor output = Tensor.Reuse(ref _output, main.Shape);
        Backend.Add(main, skip, output);
        return output;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor output = RequireForward(_output, nameof(Residual));
        RequireSameShape(outputGradient, output, nameof(Residual));
        Tensor main = _body.Backward(outputGradient);
        Tensor skip = _shortcut?.Backward(outputGradient) ?? outputGradient;
        Tensor inputGradient = Tensor.Reuse(ref _inputGradient, main.Shape);
        Backend.Add(main, skip, inputGradient);
        return inputGradient;
    }
}
