using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using Google.Protobuf;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>A work item waiting for its organization, with the weights it serves and the result it awaits.</summary>
internal sealed class PendingWork
{
    public PendingWork(WorkItem item, ModelWeights? global, ModelWeights? generator)
    {
        Item = item;
        Global = global?.ToBytes();
        Generator = generator?.ToBytes();
        if (Global is not null)
        {
            item.GlobalWeightsHash = ByteString.CopyFrom(SignatureRecovery.Keccak(Global));
            item.GlobalWeightsBytes = Global.Length;
        }

        if (Generator is not null)
        {
            item.GeneratorWeightsHash = ByteString.CopyFrom(SignatureRecovery.Keccak(Generator));
            item.GeneratorWeightsBytes = Generator.Length;
        }
    }

    public WorkItem Item { get; }

    public byte[]? Global { get; }

    public byte[]? Generator { get; }

    /// <summary>Bytes an uploaded update must have: the size of the weights it started from.</summary>
    public long ExpectedUpdateBytes => Item.Kind == WorkKind.Generator ? Generator?.Length ?? 0 : Global?.Length ?? 0;

    /// <summary>A <see cref="LocalUpdate"/>, a transaction hash (string), a <see cref="ReviewReport"/>, null (bind only) or an exception.</summary>
    public TaskCompletionSource<object?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
