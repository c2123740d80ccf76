using System.Collections.Concurrent;
using System.Numerics;
using CoCoGen.Federation.Ports;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// One organization: trains on its own data through its learner and settles from its own account.
/// It remembers what it uploaded each round and refuses to sign a profile that misstates it.
/// </summary>
public sealed partial class OrganizationAgent
{
    private readonly IOrganizationLearner _learner;
    private readonly IMemberAccount _account;
    private readonly IWeightsHasher _hasher;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, ContributionProfile> _uploads = new();
    private IMemberLedger? _ledger;

    /// <summary>Creates the agent of organization <paramref name="id"/>.</summary>
    public OrganizationAgent(string id, IOrganizationLearner learner, IMemberAccount account, IWeightsHasher hasher, ILogger<OrganizationAgent> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        _learner = learner ?? throw new ArgumentNullException(nameof(learner));
        _account = account ?? throw new ArgumentNullException(nameof(account));
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Organization identifier.</summary>
    public string Id { get; }

    /// <summary>The public profile: identity, account, data size.</summary>
    public OrganizationProfile Profile => new(Id, _account.Address, _learner.LocalSamples);

    /// <summary>Binds to the contract and deposits <paramref name="wei"/> into the bond (nothing when zero: resume).</summary>
    public async Task<ChainReceipt?> BondAsync(ChainAddress contractAddress, long chainId, BigInteger wei, CancellationToken cancellationToken)
    {
        _ledger = await _account.BindAsync(contractAddress, chainId, cancellationToken).ConfigureAwait(false);
        if (wei.IsZero)
        {
            return null;
        }

        var receipt = await _ledger.DepositAsync(wei, cancellationToken).ConfigureAwait(false);
        LogBonded(_logger, Id, wei, receipt.TransactionHash);
        return receipt;
    }

    /// <summary>One local pass of generator training.</summary>
    public Task<LocalUpdate> TrainGeneratorAsync(ModelWeights generator, int pass, CancellationToken cancellationToken) =>
        _learner.TrainGeneratorAsync(generator, pass, cancellationToken);

    /// <summary>Synthesis and local training for a round; remembers the upload for the settlement check.</summary>
    public async Task<LocalUpdate> TrainAsync(RoundAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var update = await _learner.TrainAsync(assignment.Global, assignment.Generator, assignment.SyntheticSamples, assignment.Round, cancellationToken)
            .ConfigureAwait(false);
        if (!double.IsFinite(update.TrainingLoss))
        {
            // Nothing to sign: the coordinator rejects an update whose loss is not a number.
            return update;
        }

        _uploads[assignment.Round] = new ContributionProfile(
            (ulong)update.LocalSamples,
            (ulong)update.SyntheticSamples,
            WadConversion.ToWad(update.TrainingLoss, "trainingLoss"),
            BigInteger.Zero,
            _hasher.Hash(update.Weights));
        LogTrained(_logger, Id, assignment.Round, update.TrainingLoss, update.SyntheticSamples);
        return update;
    }

    /// <summary>Checks the coordinator's profile against this organization's own upload, then submits it on chain.</summary>
    public async Task<ChainReceipt> SubmitContributionAsync(int round, ContributionProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var ledger = _ledger ?? throw new InvalidOperationException($"organization {Id} is not bound to a settlement contract yet");
        if (_uploads.TryGetValue(round, out var own))
        {
            var mismatch = Mismatch(own, profile);
            if (mismatch is not null)
            {
                throw new InvalidOperationException($"organization {Id} refuses the profile of round {round}: {mismatch}");
            }
        }

        var receipt = await ledger.SubmitContributionAsync(round, profile, cancellationToken).ConfigureAwait(false);
        LogSubmitted(_logger, Id, round, receipt.TransactionHash, receipt.BlockNumber);
        return receipt;
    }

    private static string? Mismatch(ContributionProfile own, ContributionProfile proposed)
    {
        if (own.LocalSamples != proposed.LocalSamples)
        {
            return $"localSamples {proposed.LocalSamples} differs from the {own.LocalSamples} it trained on";
        }

        if (own.SyntheticSamples != proposed.SyntheticSamples)
        {
            return $"syntheticSamples {proposed.SyntheticSamples} differs from the {own.SyntheticSamples} it generated";
        }

        if (own.LossWad != proposed.LossWad)
        {
            return $"lossWad {proposed.LossWad} differs from its training loss {own.LossWad}";
        }

        return string.Equals(own.WeightsHash, proposed.WeightsHash, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"weightsHash {proposed.WeightsHash} differs from the hash {own.WeightsHash} of its upload";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} bonded {Wei} wei (tx {Transaction})")]
    private static partial void LogBonded(ILogger logger, string organization, BigInteger wei, Hash32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} trained round {Round}: loss {Loss:F4} with {Synthetic} synthetic samples")]
    private static partial void LogTrained(ILogger logger, string organization, int round, double loss, long synthetic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} submitted round {Round} (tx {Transaction}, block {Block})")]
    private static partial void LogSubmitted(ILogger logger, string organization, int round, Hash32 transaction, long block);
}
