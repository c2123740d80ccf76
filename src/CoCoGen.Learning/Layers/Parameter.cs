using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>A trainable tensor and the gradient that backward passes accumulate into it.</summary>
public sealed class Parameter
{
    /// <summary>Creates a parameter with a zero gradient of the same shape.</summary>
    /// <param name="name">The local name ("weight", "bias").</param>
    /// <param name="value">The values.</param>
    public Parameter(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
        Gradient = new Tensor(value.Shape.ToArray());
    }

    /// <summary>The local name inside its layer.</summary>
    public string Name { get; }

    /// <summary>The values.</summary>
    public Tensor Value { get; }

    /// <summary>The accumulated gradient.</summary>
    public Tensor Gradient { get; }
}
