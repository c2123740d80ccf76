using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>The coordinator's account on the settlement contract, one deployed instance.</summary>
public interface ISettlementLedger
{
    /// <summary>Chain id of the network the contract lives on.</summary>
    long ChainId { get; }

    /// <summary>Contract address.</summary>
    ChainAddress ContractAddress { get; }

    /// <summary>Opens round <paramref name="round"/> (must be the previous round + 1).</summary>
    Task<ChainReceipt> OpenRoundAsync(int round, CancellationToken cancellationToken);

    /// <summary>The coordinator's record of <paramref name="member"/>'s profile for the round.</summary>
    Task<ChainReceipt> RecordProfileAsync(int round, ChainAddress member, ContributionProfile profile, CancellationToken cancellationToken);

    /// <summary>Closes the round (after every active member submitted, or after the deadline).</summary>
    Task<ChainReceipt> CloseRoundAsync(int round, CancellationToken cancellationToken);

    /// <summary>
    /// The contract's net transfer per member index in wei: payoffCalculate while the round is Closed,
    /// the PayoffTransferred events once it is Settled.
    /// </summary>
    Task<IReadOnlyList<BigInteger>> CalculatePayoffAsync(int round, CancellationToken cancellationToken);

    /// <summary>Applies the round's transfers to the bonds.</summary>
    Task<ChainReceipt> TransferPayoffAsync(int round, CancellationToken cancellationToken);

    /// <summary>The round's current status.</summary>
    Task<SettlementRoundStatus> GetRoundStatusAsync(int round, CancellationToken cancellationToken);

    /// <summary>
    /// Returns once the chain's time is past the round's submission deadline, so anyone may close it
    /// (a local development chain is moved forward; any other chain is waited for).
    /// </summary>
    Task WaitForDeadlineAsync(int round, CancellationToken cancellationToken);

    /// <summary>Members that submitted their own profile for the round, from the contract's events.</summary>
    Task<IReadOnlyCollection<ChainAddress>> GetSubmittersAsync(int round, CancellationToken cancellationToken);

    /// <summary>Current bond of a member in wei.</summary>
    Task<BigInteger> GetBondAsync(ChainAddress member, CancellationToken cancellationToken);
}
