using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>
/// What the coordinator committed on chain for a round and asks each member to accept: read from the
/// contract by the member itself, never taken from the coordinator's message.
/// </summary>
/// <param name="Round">Round number.</param>
/// <param name="Mode">The settlement rule committed when the round opened.</param>
/// <param name="SeedHash">SHA-256 commitment to the validation seed, posted when the round opened.</param>
/// <param name="EvidenceRoot">Keccak-256 of the round's evidence manifest, posted with the values.</param>
/// <param name="Values">Per member index: x_i × 1e18 (pair rule) or the net in wei (net vector); 0 outside the round.</param>
/// <param name="NetWei">The contract's own net transfer per member index (payoffCalculate), before stakes.</param>
public sealed record RoundCommitment(
    int Round,
    SettlementMode Mode,
    Hash32 SeedHash,
    Hash32 EvidenceRoot,
    IReadOnlyList<BigInteger> Values,
    IReadOnlyList<BigInteger> NetWei);
