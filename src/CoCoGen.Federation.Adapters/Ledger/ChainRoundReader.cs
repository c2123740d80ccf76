using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;
using ChainMode = CoCoGen.Chain.Contracts.Settlement.SettlementMode;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>Reads a round of CoCoGenSettlement v2 into the protocol's records; shared by the coordinator's and the members' ledgers.</summary>
internal static class ChainRoundReader
{
    /// <summary>roundInfo(round) as a <see cref="SettlementRoundState"/>, masks expanded to the <paramref name="members"/> registered.</summary>
    public static async Task<SettlementRoundState> StateAsync(CoCoGenSettlementService contract, int round, int members, CancellationToken cancellationToken)
    {
        var info = await contract.RoundInfoAsync(round, cancellationToken).ConfigureAwait(false);
        return new SettlementRoundState(
            round,
            (SettlementRoundStatus)info.Status,
            ToPort((ChainMode)info.Mode),
            Hash32.FromBytes(info.SeedHash),
            Hash32.FromBytes(info.EvidenceRoot),
            (long)info.CommitDeadline,
            (long)info.ChallengeDeadline,
            Bits(info.ActiveMask, members),
            Bits(info.AcceptMask, members),
            Bits(info.RejectMask, members));
    }

    /// <summary>The round's commitment: its hashes and committed vector, and the contract's nets while it is Committed.</summary>
    public static async Task<RoundCommitment> CommitmentAsync(CoCoGenSettlementService contract, int round, CancellationToken cancellationToken)
    {
        var info = await contract.RoundInfoAsync(round, cancellationToken).ConfigureAwait(false);
        var values = await contract.CommittedValuesAsync(round, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<BigInteger> nets = (RoundStatus)info.Status == RoundStatus.Committed
            ? await contract.PayoffCalculateAsync(round, cancellationToken).ConfigureAwait(false)
            : [];
        return new RoundCommitment(round, ToPort((ChainMode)info.Mode), Hash32.FromBytes(info.SeedHash), Hash32.FromBytes(info.EvidenceRoot), values, nets);
    }

    /// <summary>The contract's mode in the protocol's terms.</summary>
    public static Ports.SettlementMode ToPort(ChainMode mode) => mode switch
    {
        ChainMode.PairRule => Ports.SettlementMode.PairRule,
        ChainMode.NetVector => Ports.SettlementMode.NetVector,
        _ => throw new InvalidDataException($"the contract reports settlement mode {(int)mode}, which this build does not know"),
    };

    /// <summary>The protocol's mode in the contract's terms.</summary>
    public static ChainMode ToChain(Ports.SettlementMode mode) => mode switch
    {
        Ports.SettlementMode.PairRule => ChainMode.PairRule,
        Ports.SettlementMode.NetVector => ChainMode.NetVector,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown settlement mode"),
    };

    private static bool[] Bits(ulong mask, int count) => Enumerable.Range(0, count).Select(i => ((mask >> i) & 1UL) != 0).ToArray();
}
