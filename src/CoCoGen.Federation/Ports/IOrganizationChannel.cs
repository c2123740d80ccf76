using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>
/// The coordinator's line to one organization, in process or across the network: the protocol is
/// written once against this and runs unchanged in both deployment shapes.
/// </summary>
public interface IOrganizationChannel
{
    /// <summary>The organization's identifier.</summary>
    string Id { get; }

    /// <summary>Waits for the organization to join and returns its public profile.</summary>
    Task<OrganizationProfile> JoinAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Tells the organization the contract it settles on and has it deposit <paramref name="wei"/> into its bond from its own
    /// account: the first bond, or a top-up to the minimum bond before a round opens (zero: bind only, on resume).
    /// </summary>
    Task<ChainReceipt?> BondAsync(ChainAddress contractAddress, long chainId, BigInteger wei, CancellationToken cancellationToken);

    /// <summary>One local pass of generator training (FedAvg pre-training before round 1).</summary>
    Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken);

    /// <summary>Steps 1–4: synthesis, local training, upload.</summary>
    Task<LocalUpdate> TrainAsync(RoundAssignment assignment, CancellationToken cancellationToken);

    /// <summary>
    /// Step 7: the organization reads the round's commitment from the chain itself, checks it (its verifier's recomputation
    /// and its own record of the round), and accepts or rejects it from its own account.
    /// </summary>
    Task<CommitmentVote> ReviewCommitmentAsync(int round, CancellationToken cancellationToken);
}
