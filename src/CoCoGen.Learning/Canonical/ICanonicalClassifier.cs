using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Canonical;

/// <summary>
/// An architecture the canonical evaluator can run: its input shape, its class count, the state tensors it
/// reads (names and shapes as the engine's <c>StateTensors()</c> and safetensors files give them) and how to
/// bind a state to a <see cref="CanonicalNetwork"/>.
/// </summary>
public interface ICanonicalClassifier
{
    /// <summary>Channels of an input image.</summary>
    int InputChannels { get; }

    /// <summary>Side of a square input image.</summary>
    int ImageSize { get; }

    /// <summary>Number of classes.</summary>
    int Classes { get; }

    /// <summary>Every state tensor the network reads, by name, with its shape.</summary>
    IReadOnlyList<(string Name, int[] Shape)> StateLayout { get; }

    /// <summary>
    /// Builds the network over <paramref name="state"/>'s tensors (not copied: later changes to them are seen), except
    /// constants an architecture derives once per bind (batch norm's folded scale and shift): bind again after a change.
    /// </summary>
    /// <param name="state">Tensors by name; names and shapes must match <see cref="StateLayout"/>.</param>
    CanonicalNetwork Bind(IReadOnlyDictionary<string, Tensor> state);
}
