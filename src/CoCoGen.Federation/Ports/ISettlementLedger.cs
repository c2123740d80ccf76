using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>The coordinator's account on the settlement contract (v2: commit, challenge window, settle), one deployed instance.</summary>
public interface ISettlementLedger
{
    /// <summary>Chain id of the network the contract lives on.</summary>
    long ChainId { get; }

    /// <summary>Contract address.</summary>
    ChainAddress ContractAddress { get; }

    /// <summary>The limits the contract holds (minimum bond, debit cap, stake, coordinator bond).</summary>
    SettlementLimits Limits { get; }

    /// <summary>Deposits what the coordinator's bond lacks of the required coordinator bond (after a slash); null when it is covered.</summary>
    Task<ChainReceipt?> TopUpCoordinatorBondAsync(CancellationToken cancellationToken);

    /// <summary>Opens round <paramref name="round"/> (the previous + 1) before training, committing the validation seed's hash and the rule.</summary>
    Task<ChainReceipt> OpenRoundAsync(int round, Hash32 seedHash, SettlementMode mode, CancellationToken cancellationToken);

    /// <summary>Commits x × 1e18 by member index (0 for members whose update was not averaged) and the evidence bundle's hash (pair rule).</summary>
    Task<ChainReceipt> CommitContributionsAsync(int round, IReadOnlyList<BigInteger> contributionWad, Hash32 evidenceRoot, CancellationToken cancellationToken);

    /// <summary>Commits a balanced net vector in wei by member index and the evidence bundle's hash (net vector, M^Shap).</summary>
    Task<ChainReceipt> CommitNetAsync(int round, IReadOnlyList<BigInteger> netWei, Hash32 evidenceRoot, CancellationToken cancellationToken);

    /// <summary>Applies a standing commitment to the bonds (once decided by acceptances, or after the window).</summary>
    Task<ChainReceipt> SettleRoundAsync(int round, CancellationToken cancellationToken);

    /// <summary>Voids a round whose commitment missed its deadline (the coordinator is slashed).</summary>
    Task<ChainReceipt> AbandonRoundAsync(int round, CancellationToken cancellationToken);

    /// <summary>The round's status, deadlines, hashes and votes.</summary>
    Task<SettlementRoundState> GetRoundAsync(int round, CancellationToken cancellationToken);

    /// <summary>The round's commitment as the contract holds it (nets by the rule only while it is Committed; empty after).</summary>
    Task<RoundCommitment> GetCommitmentAsync(int round, CancellationToken cancellationToken);

    /// <summary>What settleRound moved per member index (PayoffTransferred: net plus forfeited-stake shares), 0 for a void round.</summary>
    Task<IReadOnlyList<BigInteger>> GetTransfersAsync(int round, CancellationToken cancellationToken);

    /// <summary>
    /// Returns once the chain's time is past the round's current deadline (the commit deadline while Open, the challenge
    /// deadline while Committed); a local development chain is moved forward, any other chain is waited for.
    /// </summary>
    Task WaitForDeadlineAsync(int round, CancellationToken cancellationToken);

    /// <summary>The latest block's timestamp (Unix seconds): the clock the contract's deadlines are judged by.</summary>
    Task<long> GetChainTimeAsync(CancellationToken cancellationToken);

    /// <summary>Current bond in wei of a member (or of the coordinator).</summary>
    Task<BigInteger> GetBondAsync(ChainAddress account, CancellationToken cancellationToken);
}
