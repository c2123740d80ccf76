using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Layers;

/// <summary>
/// A differentiable building block. <see cref="Forward"/> returns a tensor the layer owns and reuses on the
/// next call (so a training step allocates nothing once shapes settle); <see cref="Backward"/> takes the
/// gradient of that output, accumulates parameter gradients and returns the input gradient, also owned.
/// A layer instance therefore appears once in a forward pass, and Backward follows its own Forward.
/// </summary>
public abstract class Layer
{
    /// <summary>The backend every kernel call goes through.</summary>
    public IComputeBackend Backend { get; private set; } = CpuBackend.Shared;

    /// <summary>True in training mode (batch statistics, dropout active); false in evaluation mode.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>
    /// When false, <see cref="Backward"/> may skip computing the input gradient (the first layer of a model
    /// needs none) and the returned tensor's contents are unspecified. Composite layers pass it to their first child.
    /// </summary>
    public virtual bool RequiresInputGradient { get; set; } = true;

    /// <summary>Computes the output for <paramref name="input"/>.</summary>
    /// <param name="input">The input batch.</param>
    /// <returns>The output, owned by this layer.</returns>
    public abstract Tensor Forward(Tensor input);

    /// <summary>Back-propagates the gradient of the last output.</summary>
    /// <param name="outputGradient">∂loss/∂output.</param>
    /// <returns>∂loss/∂input, owned by this layer.</returns>
    public abstract Tensor Backward(Tensor outputGradient);

    /// <summary>Named sub-layers, in forward order.</summary>
    public virtual IEnumerable<(string Name, Layer Layer)> Children => [];

    /// <summary>This layer's own parameters (not its children's).</summary>
    protected virtual IEnumerable<Parameter> OwnParameters => [];

    /// <summary>This layer's own non-trainable state saved with the weights (running statistics).</summary>
    protected virtual IEnumerable<(string Name, Tensor Tensor)> OwnBuffers => [];

    /// <summary>All trainable parameters, depth first.</summary>
    public IEnumerable<Parameter> Parameters()
    {
        foreach (Parameter parameter in OwnParameters)
        {
            yield return parameter;
        }

        foreach ((_, Layer child) in Children)
        {
            foreach (Parameter parameter in child.Parameters())
            {
                yield return parameter;
            }
        }
    }

    /// <summary>Every parameter and buffer with its dotted path ("0.weight", "3.running_mean"), as PyTorch names them.</summary>
    /// <param name="prefix">Prefix for the names.</param>
    public IEnumerable<(string Name, Tensor Tensor)> StateTensors(string prefix = "")
    {
        foreach (Parameter parameter in OwnParameters)
        {
            yield return (prefix + parameter.Name, parameter.Value);
        }

        foreach ((string name, Tensor tensor) in OwnBuffers)
        {
            yield return (prefix + name, tensor);
        }

        foreach ((string name, Layer child) in Children)
        {
            foreach ((string Name, Tensor Tensor) entry in child.StateTensors(prefix + name + "."))
            {
                yield return entry;
            }
        }
    }

    /// <summary>Copies values into the state tensors by name; every state tensor must be present with its shape.</summary>
    /// <param name="state">Tensors by dotted name.</param>
    public void LoadState(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach ((string name, Tensor tensor) in StateTensors())
        {
            if (!state.TryGetValue(name, out Tensor? source))
            {
                throw new KeyNotFoundException($"State has no tensor named '{name}'.");
            }

            if (!source.HasShape(tensor.Shape))
            {
                throw new ArgumentException($"State tensor '{name}' has shape {source.ShapeText}, the model needs {tensor.ShapeText}.", nameof(state));
            }

            tensor.CopyFrom(source);
        }
    }

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount() => Parameters().Sum(p => (long)p.Value.Length);

    /// <summary>Switches this layer and its children to training mode.</summary>
    public void Train() => SetTraining(true);

    /// <summary>Switches this layer and its children to evaluation mode.</summary>
    public void Eval() => SetTraining(false);

    /// <summary>Sets every parameter gradient to zero.</summary>
    public void ZeroGradients()
    {
        foreach (Parameter parameter in Parameters())
        {
            parameter.Gradient.Clear();
        }
    }

    /// <summary>Routes this layer's and its children's kernels through <paramref name="backend"/>.</summary>
    /// <param name="backend">The backend.</param>
    public void UseBackend(IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Backend = backend;
        foreach ((_, Layer child) in Children)
        {
            child.UseBackend(backend);
        }
    }

    private void SetTraining(bool training)
    {
        IsTraining = training;
        foreach ((_, Layer child) in Children)
        {
            child.SetTraining(training);
        }
    }

    /// <summary>Throws when <paramref name="input"/> is not rank 4 with <paramref name="channels"/> channels.</summary>
    /// <param name="input">The input.</param>
    /// <param name="channels">Expected channels, or 0 for any.</param>
    /// <param name="layer">The layer name for the message.</param>
    protected static void RequireImage(Tensor input, int channels, string layer)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || (channels > 0 && input.Dim(1) != channels))
        {
            throw new ArgumentException($"{layer} expects input [N, {(channels > 0 ? channels.ToString(System.Globalization.CultureInfo.InvariantCulture) : "C")}, H, W], got {input.ShapeText}.", nameof(input));
        }
    }

    /// <summary>Throws when Backward is called before Forward.</summary>
    /// <param name="saved">The tensor Forward saved.</param>
    /// <param name="layer">The layer name for the message.</param>
    protected static Tensor RequireForward(Tensor? saved, string layer)
        => saved ?? throw new InvalidOperationException($"{layer}.Backward called before Forward.");

    /// <summary>Throws when a gradient does not have the shape of the output it belongs to.</summary>
    /// <param name="gradient">The gradient.</param>
    /// <param name="output">The output.</param>
    /// <param name="layer">The layer name for the message.</param>
    protected static void RequireSameShape(Tensor gradient, Tensor output, string layer)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        if (!gradient.HasShape(output.Shape))
        {
            throw new ArgumentException($"{layer} output gradient {gradient.ShapeText} does not match its output {output.ShapeText}.", nameof(gradient));
        }
    }
}
