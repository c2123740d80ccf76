using System.Numerics;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>The distributed shape: the coordinator reaches an organization process through its mailbox.</summary>
internal sealed class RemoteOrganizationChannel(OrganizationMailbox mailbox) : IOrganizationChannel
{
    public string Id => mailbox.Id;

    public Task<OrganizationProfile> JoinAsync(CancellationToken cancellationToken) => mailbox.Joined.WaitAsync(cancellationToken);

    public Task<ChainReceipt?> BondAsync(ChainAddress contractAddress, long chainId, BigInteger wei, CancellationToken cancellationToken) =>
        mailbox.SendAsync<ChainReceipt?>(
            new PendingWork(new WorkItem { Id = NewId(), Kind = WorkKind.Bond, Contract = contractAddress, ChainId = chainId, Wei = wei }, null, null),
            cancellationToken);

    public Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken) =>
        mailbox.SendAsync<LocalUpdate>(
            new PendingWork(new WorkItem { Id = NewId(), Kind = WorkKind.Generator, Pass = pass }, null, generator),
            cancellationToken);

    public Task<LocalUpdate> TrainAsync(RoundAssignment assignment, CancellationToken cancellationToken) =>
        mailbox.SendAsync<LocalUpdate>(
            new PendingWork(
                new WorkItem { Id = NewId(), Kind = WorkKind.Train, Round = assignment.Round, SyntheticSamples = assignment.SyntheticSamples },
                assignment.Global,
                assignment.Generator),
            cancellationToken);

    public async Task<ChainReceipt> SubmitContributionAsync(int round, ContributionProfile profile, CancellationToken cancellationToken) =>
        await mailbox.SendAsync<ChainReceipt?>(
            new PendingWork(new WorkItem { Id = NewId(), Kind = WorkKind.Submit, Round = round, Profile = profile }, null, null),
            cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"organization {Id} returned no receipt for its submission of round {round}");

    private static string NewId() => Guid.NewGuid().ToString("N");
}
