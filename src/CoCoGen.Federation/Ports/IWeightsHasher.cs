
namespace CoCoGen.Federation.Ports;

/// <summary>The digest that binds an update to its on-chain profile and names evidence by its content (Keccak-256 on chain).</summary>
public interface IWeightsHasher
{
    /// <summary>0x-prefixed hex digest of <paramref name="weights"/>' canonical bytes.</summary>
    string Hash(ModelWeights weights);

    /// <summary>0x-prefixed hex digest of <paramref name="bytes"/> (names evidence files and the bundle).</summary>
    string HashBytes(ReadOnlySpan<byte> bytes);
}
