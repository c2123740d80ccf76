using System.Numerics;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Protocol;

/// <summary>The one-process shape: the coordinator calls the organization's agent directly.</summary>
public sealed class InProcessOrganizationChannel : IOrganizationChannel
{
    private readonly OrganizationAgent _agent;

    /// <summary>Wraps <paramref name="agent"/>.</summary>
    public InProcessOrganizationChannel(OrganizationAgent agent) => _agent = agent ?? throw new ArgumentNullException(nameof(agent));

    /// <inheritdoc/>
    public string Id => _agent.Id;

    /// <inheritdoc/>
    public Task<OrganizationProfile> JoinAsync(CancellationToken cancellationToken) => Task.FromResult(_agent.Profile);

    /// <inheritdoc/>
    public Task<ChainReceipt?> BondAsync(ChainAddress contractAddress, long chainId, BigInteger wei, CancellationToken cancellationToken) =>
        _agent.BondAsync(contractAddress, chainId, wei, cancellationToken);

    /// <inheritdoc/>
    public Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken) =>
        _agent.TrainGeneratorAsync(generator, pass, cancellationToken);

    /// <inheritdoc/>
    public Task<LocalUpdate> TrainAsync(RoundAssignment assignment, CancellationToken cancellationToken) =>
        _agent.TrainAsync(assignment, cancellationToken);

    /// <inheritdoc/>
    public Task<CommitmentVote> ReviewCommitmentAsync(int round, CancellationToken cancellationToken) =>
        _agent.ReviewCommitmentAsync(round, cancellationToken);
}
