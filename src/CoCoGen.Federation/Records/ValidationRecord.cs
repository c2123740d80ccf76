namespace CoCoGen.Federation.Records;

/// <summary>
/// The round's validation subset and what the global model scored on it: the measurement of record that x_i comes
/// from. The seed's hash is published before the round's training starts; the seed itself only in the evidence.
/// </summary>
public sealed record ValidationRecord
{
    /// <summary>The subset's seed (0x-prefixed hex, 32 bytes), revealed after the round was trained.</summary>
    public required string Seed { get; init; }

    /// <summary>SHA-256 of the seed's bytes (0x-prefixed hex), handed to every organization before training.</summary>
    public required string SeedHash { get; init; }

    /// <summary>SHA-256 of the validation pool's float32 pixels and int32 labels (0x-prefixed hex).</summary>
    public required string PoolHash { get; init; }

    /// <summary>SHA-256 of the drawn subset's pixels and labels (0x-prefixed hex).</summary>
    public required string SubsetHash { get; init; }

    /// <summary>Images in the subset.</summary>
    public required int Size { get; init; }

    /// <summary>L: canonical mean cross-entropy of the round's aggregate on the subset.</summary>
    public required double Loss { get; init; }

    /// <summary>Accuracy of the round's aggregate on the subset, in [0, 1].</summary>
    public required double Accuracy { get; init; }
}
