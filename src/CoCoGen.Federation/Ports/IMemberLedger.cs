using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>An organization's own account on the settlement contract.</summary>
public interface IMemberLedger
{
    /// <summary>Adds <paramref name="wei"/> to the member's bond (a deposit or a top-up to the minimum bond).</summary>
    Task<ChainReceipt> DepositAsync(BigInteger wei, CancellationToken cancellationToken);

    /// <summary>The round's commitment read from the contract by the member itself (never taken from the coordinator's message).</summary>
    Task<RoundCommitment> GetCommitmentAsync(int round, CancellationToken cancellationToken);

    /// <summary>acceptCommitment(round) from the member's own account.</summary>
    Task<ChainReceipt> AcceptCommitmentAsync(int round, CancellationToken cancellationToken);

    /// <summary>rejectCommitment(round) from the member's own account; stakes the challenge stake from its bond.</summary>
    Task<ChainReceipt> RejectCommitmentAsync(int round, CancellationToken cancellationToken);
}
