using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>Layers applied in order; children are named "0", "1", … as in PyTorch's nn.Sequential.</summary>
public sealed class Sequential : Layer
{
    private readonly List<Layer> _layers = [];
    private (string Name, Layer Layer)[]? _children;

    /// <summary>Creates a container of the given layers.</summary>
    /// <param name="layers">The layers in forward order.</param>
    public Sequential(params IEnumerable<Layer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (Layer layer in layers)
        {
            Add(layer);
        }
    }

    /// <summary>The layers in forward order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <inheritdoc />
    public override IEnumerable<(string Name, Layer Layer)> Children
        => _children ??= [.. _layers.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m))];

    /// <inheritdoc />
    public override bool RequiresInputGradient
    {
        get => base.RequiresInputGradient;
        set
        {
            base.RequiresInputGradient = value;
            if (_layers.Count > 0)
            {
                _layers[0].RequiresInputGradient = value;
            }
        }
    }

    /// <summary>Appends a layer.</summary>
    /// <param name="layer">The layer.</param>
    public void Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (_layers.Count == 0)
        {
            layer.RequiresInputGradient = RequiresInputGradient;
        }

        layer.UseBackend(Backend);
        _layers.Add(layer);
        _children = null;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        Tensor x = input;
        foreach (Layer layer in _layers)
        {
            x = layer.Forward(x);
        }

        return x;
    }

    /// <inheritdoc />
    public override Tensor Backward(Tensor outputGradient)
    {
        Tensor g = outputGradient;
        for (int i = _layers.Count - 1; i >= 0; i--)
        {
            g = _layers[i].Backward(g);
        }

        return g;
    }
}
