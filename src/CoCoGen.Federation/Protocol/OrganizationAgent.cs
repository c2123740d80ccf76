using System.Collections.Concurrent;
using System.Numerics;
using CoCoGen.Federation.Ports;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// One organization: trains on its own data through its learner and settles from its own account. Before it accepts a
/// round's commitment it reads the commitment from the chain itself, has its verifier recompute it from the evidence, and
/// checks what it knows first-hand (the validation seed hash it was given before training); any objection is a rejection.
/// </summary>
public sealed partial class OrganizationAgent
{
    private readonly IOrganizationLearner _learner;
    private readonly IMemberAccount _account;
    private readonly ICommitmentVerifier _verifier;
    private readonly IWeightsHasher _hasher;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, string> _seedHashes = new();
    private readonly ConcurrentDictionary<int, MemberRoundFacts> _rounds = new();
    private IMemberLedger? _ledger;
    private ChainAddress? _contract;

    /// <summary>Creates the agent of organization <paramref name="id"/>.</summary>
    public OrganizationAgent(
        string id, IOrganizationLearner learner, IMemberAccount account, ICommitmentVerifier verifier, IWeightsHasher hasher, ILogger<OrganizationAgent> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        _learner = learner ?? throw new ArgumentNullException(nameof(learner));
        _account = account ?? throw new ArgumentNullException(nameof(account));
        _verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
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
        _contract = contractAddress;
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

    /// <summary>
    /// Synthesis and local training for a round; remembers what the review checks first-hand: the seed hash it was given,
    /// the global weights it trained from, its assigned g_i* and its upload.
    /// </summary>
    public async Task<LocalUpdate> TrainAsync(RoundAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.ValidationSeedHash is { } seedHash)
        {
            _seedHashes[assignment.Round] = seedHash;
        }

        var contract = _contract ?? throw new InvalidOperationException($"organization {Id} is not bound to a settlement contract yet");
        var before = new MemberRoundFacts(contract, _hasher.Hash(assignment.Global), assignment.SyntheticSamples, null);
        _rounds[assignment.Round] = before;
        var update = await _learner.TrainAsync(assignment.Global, assignment.Generator, assignment.SyntheticSamples, assignment.Round, cancellationToken)
            .ConfigureAwait(false);
        _rounds[assignment.Round] = before with { Upload = new UploadedUpdate(_hasher.Hash(update.Weights), update.LocalSamples, update.SyntheticSamples) };
        LogTrained(_logger, Id, assignment.Round, update.TrainingLoss, update.SyntheticSamples);
        return update;
    }

    /// <summary>
    /// Reviews round <paramref name="round"/>'s commitment: reads it from the chain, verifies it, and accepts or rejects it
    /// from this organization's own account. A rejection stakes the challenge stake; its reasons are logged and returned.
    /// </summary>
    public async Task<CommitmentVote> ReviewCommitmentAsync(int round, CancellationToken cancellationToken)
    {
        var ledger = _ledger ?? throw new InvalidOperationException($"organization {Id} is not bound to a settlement contract yet");
        var commitment = await ledger.GetCommitmentAsync(round, cancellationToken).ConfigureAwait(false);
        var facts = _rounds.GetValueOrDefault(round) ?? MemberRoundFacts.Forgotten(_contract ?? throw new InvalidOperationException($"organization {Id} is not bound to a settlement contract yet"));
        var verdict = await _verifier.VerifyAsync(Id, commitment, facts, cancellationToken).ConfigureAwait(false);
        var objections = verdict.Objections.ToList();
        if (_seedHashes.TryGetValue(round, out var given) && !string.Equals(given, commitment.SeedHash.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            objections.Add($"round {round}, organization {Id}: seedHash {commitment.SeedHash} on chain differs from the {given} it was given before training");
        }

        if (verdict.Accepted && objections.Count == 0)
        {
            var accepted = await ledger.AcceptCommitmentAsync(round, cancellationToken).ConfigureAwait(false);
            LogAccepted(_logger, Id, round, accepted.TransactionHash, accepted.BlockNumber);
            return new CommitmentVote(true, [], accepted);
        }

        foreach (var objection in objections)
        {
            LogObjection(_logger, Id, round, objection);
        }

        var rejected = await ledger.RejectCommitmentAsync(round, cancellationToken).ConfigureAwait(false);
        LogRejected(_logger, Id, round, objections.Count, rejected.TransactionHash, rejected.BlockNumber);
        return new CommitmentVote(false, objections, rejected);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} bonded {Wei} wei (tx {Transaction})")]
    private static partial void LogBonded(ILogger logger, string organization, BigInteger wei, Hash32 transaction);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} trained round {Round}: loss {Loss:F4} with {Synthetic} synthetic samples")]
    private static partial void LogTrained(ILogger logger, string organization, int round, double loss, long synthetic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} accepted the commitment of round {Round} (tx {Transaction}, block {Block})")]
    private static partial void LogAccepted(ILogger logger, string organization, int round, Hash32 transaction, long block);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} objects to the commitment of round {Round}: {Objection}")]
    private static partial void LogObjection(ILogger logger, string organization, int round, string objection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} rejected the commitment of round {Round} with {Objections} objection(s) (tx {Transaction}, block {Block})")]
    private static partial void LogRejected(ILogger logger, string organization, int round, int objections, Hash32 transaction, long block);
}
