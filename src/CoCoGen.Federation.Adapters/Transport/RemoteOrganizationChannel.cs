using System.Globalization;
using System.Numerics;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The distributed shape: the coordinator reaches a roster member through its mailbox. What the member says is
/// believed only as far as the coordinator can check it: its profile is the roster's, its counts are capped by the
/// roster's D_i and the g_i* it was assigned, and a transaction it names is read from the chain.
/// </summary>
internal sealed partial class RemoteOrganizationChannel(
    OrganizationMailbox mailbox, ITransactionCheck chain, ConsortiumOptions options, Action<long> roundStarted, ILogger logger) : IOrganizationChannel
{
    public string Id => mailbox.Id;

    private RosterMember Member => mailbox.Member;

    public async Task<OrganizationProfile> JoinAsync(CancellationToken cancellationToken)
    {
        try
        {
            await mailbox.Joined.WaitAsync(TimeSpan.FromSeconds(options.JoinTimeoutSeconds), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"{Id} did not join within {options.JoinTimeoutSeconds} s (Consortium:JoinTimeoutSeconds); start `cocogen org --id {Id}` with its keystore"));
        }

        return new OrganizationProfile(Id, ChainAddress.Parse(Member.Address!), Member.LocalSamples);
    }

    public async Task<ChainReceipt?> BondAsync(ChainAddress contract, long chainId, BigInteger wei, CancellationToken cancellationToken)
    {
        var contractAddress = contract.ToString();
        mailbox.Bound(contractAddress, chainId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.BondTimeoutSeconds));
        object? result;
        try
        {
            result = await mailbox.SendAsync(
                new PendingWork(new WorkItem { Id = OrganizationMailbox.NewId(), Kind = WorkKind.Bond, Contract = contractAddress, ChainId = chainId, Wei = wei.ToString(CultureInfo.InvariantCulture) }, null, null),
                timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"{Id} did not bond within {options.BondTimeoutSeconds} s (Consortium:BondTimeoutSeconds)"));
        }

        if (wei.IsZero)
        {
            return null;
        }

        return result is string hash
            ? await chain.ConfirmAsync(hash, Member.Address!, contractAddress, cancellationToken).ConfigureAwait(false)
            : throw new InvalidOperationException($"{Id} named no bond transaction");
    }

    public async Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken)
    {
        var update = (LocalUpdate)(await mailbox.SendAsync(
            new PendingWork(new WorkItem { Id = OrganizationMailbox.NewId(), Kind = WorkKind.Generator, Pass = pass }, null, generator),
            cancellationToken).ConfigureAwait(false))!;
        return Capped(update, 0, update.SyntheticSamples);
    }

    public async Task<LocalUpdate> TrainAsync(RoundAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        roundStarted(assignment.Round);
        var update = (LocalUpdate)(await mailbox.SendAsync(
            new PendingWork(
                new WorkItem
                {
                    Id = OrganizationMailbox.NewId(),
                    Kind = WorkKind.Train,
                    Round = assignment.Round,
                    SyntheticSamples = assignment.SyntheticSamples,
                    ValidationSeedHash = assignment.ValidationSeedHash ?? string.Empty,
                },
                assignment.Global,
                assignment.Generator),
            cancellationToken).ConfigureAwait(false))!;
        return Capped(update, assignment.Round, assignment.SyntheticSamples);
    }

    public async Task<CommitmentVote> ReviewCommitmentAsync(int round, CancellationToken cancellationToken)
    {
        var result = await mailbox.SendAsync(
            new PendingWork(new WorkItem { Id = OrganizationMailbox.NewId(), Kind = WorkKind.Review, Round = round }, null, null),
            cancellationToken).ConfigureAwait(false);
        var contract = mailbox.Contract ?? throw new InvalidOperationException($"{Id} was asked to review before it was bound to a contract");
        if (result is not ReviewReport report)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Id} named no transaction for its vote on round {round}"));
        }

        // The vote itself is read from the chain by the settlement; the objections are the organization's own words.
        var receipt = await chain.ConfirmAsync(report.TransactionHash, Member.Address!, contract, cancellationToken).ConfigureAwait(false);
        return new CommitmentVote(report.Objections.Count == 0, report.Objections, receipt);
    }

    // FedAvg weighs by these counts, so a claim never raises them above what the coordinator itself knows.
    private LocalUpdate Capped(LocalUpdate update, int round, long assignedSynthetic)
    {
        var local = Math.Min(update.LocalSamples, Member.LocalSamples);
        var synthetic = Math.Min(update.SyntheticSamples, assignedSynthetic);
        if (local != update.LocalSamples || synthetic != update.SyntheticSamples)
        {
            LogCapped(logger, Id, round, update.LocalSamples, local, update.SyntheticSamples, synthetic);
        }

        return update with { LocalSamples = local, SyntheticSamples = synthetic };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Organization} round {Round}: claimed {ClaimedLocal} real and {ClaimedSynthetic} synthetic samples; counted {Local} and {Synthetic} (roster D_i and assigned g_i*)")]
    private static partial void LogCapped(ILogger logger, string organization, int round, long claimedLocal, long local, long claimedSynthetic, long synthetic);
}
