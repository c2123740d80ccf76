using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>A work item waiting for its organization, with the weights it serves and the result it awaits.</summary>
internal sealed class PendingWork
{
    public PendingWork(WorkItem item, ModelWeights? global, ModelWeights? generator)
    {
        Item = item;
        Global = global is null ? null : WeightsWireFormat.Encode(global);
        Generator = generator is null ? null : WeightsWireFormat.Encode(generator);
    }

    public WorkItem Item { get; }

    public byte[]? Global { get; }

    public byte[]? Generator { get; }

    public TaskCompletionSource<object?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
