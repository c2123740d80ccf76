using System.Globalization;
using System.Numerics;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// A round's life on the settlement contract (v2): opened before training with the validation seed's hash, committed
/// after measurement with the contributions and the evidence bundle's hash, reviewed by every organization from its own
/// account, then settled as soon as the contract allows (or voided by a rejecting majority, or abandoned after a missed
/// commit). Every step first asks the chain where the round stands and sends only what is still missing, so a resumed
/// run never repeats a step and never settles twice; the journal only names what was already sent.
/// </summary>
public sealed partial class SettlementService
{
    private readonly ISettlementLedger _ledger;
    private readonly ISettlementArithmetic _arithmetic;
    private readonly SettlementTerms _terms;
    private readonly IReadOnlyList<IOrganizationChannel> _channels;
    private readonly ProtocolOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IProgress<RunProgress>? _progress;

    /// <summary>Creates the service for one deployed contract; each mined step is reported to <paramref name="progress"/>.</summary>
    public SettlementService(
        ISettlementLedger ledger,
        ISettlementArithmetic arithmetic,
        SettlementTerms terms,
        IReadOnlyList<IOrganizationChannel> channels,
        ProtocolOptions options,
        TimeProvider time,
        ILogger logger,
        IProgress<RunProgress>? progress = null)
    {
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _arithmetic = arithmetic ?? throw new ArgumentNullException(nameof(arithmetic));
        _terms = terms ?? throw new ArgumentNullException(nameof(terms));
        _channels = channels ?? throw new ArgumentNullException(nameof(channels));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _progress = progress;
        if (channels.Count != terms.Members.Count)
        {
            throw new ArgumentException($"{channels.Count} organizations but {terms.Members.Count} members on chain", nameof(channels));
        }
    }

    /// <summary>
    /// Step 0 of a round, before training: tops up every bond below the minimum (each organization from its own account,
    /// the coordinator from its), then opens the round with the validation seed's hash and the pair rule. A round the chain
    /// already shows open (a resumed run) is not opened again; its seed hash must be this one.
    /// </summary>
    /// <returns>The transactions sent (none when the round was open already).</returns>
    public async Task<IReadOnlyList<TransactionRecord>> OpenAsync(int round, Hash32 seedHash, SettlementMode mode, CancellationToken cancellationToken)
    {
        var state = await _ledger.GetRoundAsync(round, cancellationToken).ConfigureAwait(false);
        if (state.Status != SettlementRoundStatus.None)
        {
            if (state.SeedHash != seedHash)
            {
                throw new SettlementException(round, $"the contract shows the round opened with seed hash {state.SeedHash}, not this run's {seedHash}");
            }

            LogAlreadyOpen(_logger, round, state.Status);
            return [];
        }

        cancellationToken.ThrowIfCancellationRequested();
        await TopUpAsync(round, cancellationToken).ConfigureAwait(false);
        var receipt = await _ledger.OpenRoundAsync(round, seedHash, mode, CancellationToken.None).ConfigureAwait(false);
        Mined(round, "openRound", receipt, 1);
        return [new TransactionRecord("openRound", receipt.TransactionHash, receipt.BlockNumber)];
    }

    /// <summary>
    /// Settles <paramref name="pending"/>: commits its contributions and evidence root, has every organization review the
    /// commitment, then settles it, records its rejection, or abandons it when its commit deadline has passed.
    /// <paramref name="journal"/> is called after every mined transaction with the updated pending round so the caller can
    /// checkpoint it. Cancellation is honoured between transactions only.
    /// </summary>
    public async Task<SettlementOutcome> SettleAsync(PendingRound pending, Action<PendingRound> journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(journal);
        var record = pending.Record;
        var round = record.Round;
        var steps = pending.Journal.ToList();
        var gate = new Lock();

        void Add(TransactionRecord step)
        {
            lock (gate)
            {
                steps.Add(step);
                journal(pending with { Journal = steps.ToArray() });
            }
        }

        async Task Step(string name, Func<Task<ChainReceipt>> send)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var receipt = await send().ConfigureAwait(false);
            Add(new TransactionRecord(name, receipt.TransactionHash, receipt.BlockNumber));
            Mined(round, name, receipt, steps.Count);
        }

        var contributionWad = ContributionsOf(record);
        var netVector = pending.NetWei?.Select(v => BigInteger.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();
        var evidenceRoot = Hash32.Parse(record.Evidence ?? throw new SettlementException(round, "the round has no evidence bundle to commit"));
        var state = await _ledger.GetRoundAsync(round, cancellationToken).ConfigureAwait(false);
        if (state.Status == SettlementRoundStatus.None)
        {
            // A round trained before its opening was journaled (or by an older build): open it now with the seed it was measured on.
            var seedHash = Hash32.Parse(record.Validation?.SeedHash ?? throw new SettlementException(round, "the round has no validation seed hash"));
            foreach (var step in await OpenAsync(round, seedHash, netVector is null ? SettlementMode.PairRule : SettlementMode.NetVector, cancellationToken).ConfigureAwait(false))
            {
                Add(step);
            }

            state = await _ledger.GetRoundAsync(round, cancellationToken).ConfigureAwait(false);
        }

        for (var i = 0; i < contributionWad.Length && state.Status != SettlementRoundStatus.None; i++)
        {
            // A member left out at opening (its bond was below the minimum) takes no part: the contract takes no x for it.
            contributionWad[i] = state.Active[i] ? contributionWad[i] : BigInteger.Zero;
        }

        if (state.Status == SettlementRoundStatus.Open)
        {
            var now = await _ledger.GetChainTimeAsync(cancellationToken).ConfigureAwait(false);
            if (now >= state.CommitDeadline)
            {
                // The commitment can no longer land in time (the next block is later still): void the round, as anyone may.
                LogCommitMissed(_logger, round, state.CommitDeadline, now);
                await _ledger.WaitForDeadlineAsync(round, cancellationToken).ConfigureAwait(false);
                await Step("abandonRound", () => _ledger.AbandonRoundAsync(round, CancellationToken.None)).ConfigureAwait(false);
            }
            else
            {
                if (netVector is null)
                {
                    await Step("commitContributions", () => _ledger.CommitContributionsAsync(round, contributionWad, evidenceRoot, CancellationToken.None)).ConfigureAwait(false);
                }
                else
                {
                    await Step("commitNet", () => _ledger.CommitNetAsync(round, netVector, evidenceRoot, CancellationToken.None)).ConfigureAwait(false);
                }
            }

            state = await _ledger.GetRoundAsync(round, cancellationToken).ConfigureAwait(false);
        }

        var preview = netVector ?? _arithmetic.NetTransfersWei(_terms, contributionWad, state.Active);
        IReadOnlyList<BigInteger>? chainNet = null;
        var votes = new VoteRecord?[_channels.Count];
        if (state.Status == SettlementRoundStatus.Committed)
        {
            var commitment = await _ledger.GetCommitmentAsync(round, cancellationToken).ConfigureAwait(false);
            chainNet = commitment.NetWei;
            await CollectVotesAsync(round, state, votes, Add, cancellationToken).ConfigureAwait(false);
            state = await _ledger.GetRoundAsync(round, cancellationToken).ConfigureAwait(false);
        }

        if (state.Status == SettlementRoundStatus.Committed)
        {
            // Only a commitment that stands is settled, and only if it is what this coordinator measured.
            var mismatch = Enumerable.Range(0, _channels.Count).FirstOrDefault(i => chainNet is null || i >= chainNet.Count || chainNet[i] != preview[i], -1);
            if (mismatch >= 0)
            {
                var chainValue = chainNet is not null && mismatch < chainNet.Count ? chainNet[mismatch].ToString(CultureInfo.InvariantCulture) : "missing";
                throw new SettlementException(round, $"organization {_channels[mismatch].Id}: the contract's net transfer {chainValue} wei differs from the preview {preview[mismatch]} wei");
            }

            if (!state.Decided)
            {
                LogWaitingForWindow(_logger, round, state.Acceptances, state.Rejections, state.ActiveMembers);
                await _ledger.WaitForDeadlineAsync(round, cancellationToken).ConfigureAwait(false);
            }

            await SettleWhenAllowedAsync(round, Step, cancellationToken).ConfigureAwait(false);
            state = await _ledger.GetRoundAsync(round, cancellationToken).ConfigureAwait(false);
        }

        if (chainNet is null && state.Status == SettlementRoundStatus.Settled)
        {
            // Settled before this process heard of it (killed after settleRound was mined): the rule's nets from what the
            // chain committed, since payoffCalculate answers only while a round is Committed.
            var commitment = await _ledger.GetCommitmentAsync(round, cancellationToken).ConfigureAwait(false);
            chainNet = commitment.Mode == SettlementMode.NetVector ? commitment.Values : _arithmetic.NetTransfersWei(_terms, commitment.Values, state.Active);
        }

        if (state.Status is not (SettlementRoundStatus.Settled or SettlementRoundStatus.Rejected or SettlementRoundStatus.Abandoned))
        {
            throw new SettlementException(round, $"the round is {state.Status} on chain after its settlement");
        }

        if (state.Status != SettlementRoundStatus.Settled)
        {
            LogVoided(_logger, round, state.Status, state.Rejections, state.ActiveMembers);
        }

        var transferred = await _ledger.GetTransfersAsync(round, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < _channels.Count; i++)
        {
            // The chain decides what a vote was: a report that disagrees with it (or names a transaction that did not vote) yields.
            if (votes[i] is { } reported && (reported.Accepted ? !state.Accepted[i] : !state.Rejected[i]))
            {
                votes[i] = state.Accepted[i] || state.Rejected[i] ? reported with { Accepted = state.Accepted[i] } : null;
            }

            // A vote this process did not see (cast before a resume) is still on chain: record it from there.
            if (votes[i] is null && (state.Accepted[i] || state.Rejected[i]))
            {
                var accepted = state.Accepted[i];
                var sent = steps.Find(s => s.Step == $"{(accepted ? "accept" : "reject")}:{_channels[i].Id}");
                votes[i] = new VoteRecord(accepted, [], sent?.Hash, sent?.Block);
            }
        }

        var coordinatorSteps = steps.Where(s => !s.Step.StartsWith("accept:", StringComparison.Ordinal) && !s.Step.StartsWith("reject:", StringComparison.Ordinal)).ToArray();
        return new SettlementOutcome(state, _ledger.ChainId, _ledger.ContractAddress, coordinatorSteps, preview, chainNet, transferred, votes);
    }

    /// <summary>x × 1e18 by member index: the measured contribution of an averaged update, 0 for stragglers and screened-out updates.</summary>
    private static BigInteger[] ContributionsOf(RoundRecord record) =>
        record.Organizations.Select(o => o.Outcome == UpdateOutcome.Accepted
            ? BigInteger.Parse(o.ContributionWad, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : BigInteger.Zero).ToArray();

    // Each organization of the round that has not voted yet reviews the commitment itself; one that does not answer is silent.
    private async Task CollectVotesAsync(int round, SettlementRoundState state, VoteRecord?[] votes, Action<TransactionRecord> add, CancellationToken cancellationToken)
    {
        var reviews = Enumerable.Range(0, _channels.Count)
            .Where(i => state.Active[i] && !state.Accepted[i] && !state.Rejected[i])
            .Select(async i =>
            {
                var channel = _channels[i];
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(_options.ReviewTimeoutSeconds));
                try
                {
                    var vote = await channel.ReviewCommitmentAsync(round, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
                    var name = $"{(vote.Accepted ? "accept" : "reject")}:{channel.Id}";
                    add(new TransactionRecord(name, vote.Transaction.TransactionHash, vote.Transaction.BlockNumber));
                    votes[i] = new VoteRecord(vote.Accepted, vote.Objections, vote.Transaction.TransactionHash, vote.Transaction.BlockNumber);
                    if (vote.Accepted)
                    {
                        LogAccepted(_logger, channel.Id, round, vote.Transaction.TransactionHash);
                    }
                    else
                    {
                        LogRejectedCommitment(_logger, channel.Id, round, string.Join("; ", vote.Objections));
                    }

                    _progress?.Report(new RunProgress("settlement", 0, 0,
                        FormattableString.Invariant($"round {round} settlement: {channel.Id} {(vote.Accepted ? "accepted" : "rejected")} the commitment in block {vote.Transaction.BlockNumber}")));
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    // Silence is acceptance once the window ends; the round is not held up by one organization.
                    LogReviewFailed(_logger, channel.Id, round, ex.Message);
                }
            });
        await Task.WhenAll(reviews).ConfigureAwait(false);
    }

    // A bond below the minimum leaves its member out of the round, so each one is topped up first (a failure only leaves it out).
    private async Task TopUpAsync(int round, CancellationToken cancellationToken)
    {
        var minimum = _terms.Limits.MinBondWei;
        for (var i = 0; i < _channels.Count; i++)
        {
            var bond = await _ledger.GetBondAsync(_terms.Members[i], cancellationToken).ConfigureAwait(false);
            if (bond >= minimum)
            {
                continue;
            }

            try
            {
                await _channels[i].BondAsync(_ledger.ContractAddress, _ledger.ChainId, minimum - bond, cancellationToken).ConfigureAwait(false);
                LogToppedUp(_logger, _channels[i].Id, round, minimum - bond);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                LogTopUpFailed(_logger, _channels[i].Id, round, ex.Message);
            }
        }

        if (await _ledger.TopUpCoordinatorBondAsync(cancellationToken).ConfigureAwait(false) is { } receipt)
        {
            LogCoordinatorToppedUp(_logger, round, receipt.TransactionHash);
        }
    }

    private async Task SettleWhenAllowedAsync(int round, Func<string, Func<Task<ChainReceipt>>, Task> step, CancellationToken cancellationToken)
    {
        // The window is judged by the next block's timestamp, which can trail the wall clock by a second.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step("settleRound", () => _ledger.SettleRoundAsync(round, CancellationToken.None)).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (attempt < 10 && ex is not OperationCanceledException)
            {
                if ((await _ledger.GetRoundAsync(round, cancellationToken).ConfigureAwait(false)).Status != SettlementRoundStatus.Committed)
                {
                    return;
                }

                LogSettleRetry(_logger, round, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Mined(int round, string name, ChainReceipt receipt, int count)
    {
        LogStep(_logger, round, name, receipt.TransactionHash, receipt.BlockNumber);
        _progress?.Report(new RunProgress("settlement", count, 0, FormattableString.Invariant($"round {round} settlement: {name} mined in block {receipt.BlockNumber}")));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: {Step} mined (tx {Transaction}, block {Block})")]
    private static partial void LogStep(ILogger logger, int round, string step, Hash32 transaction, long block);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round} is already {Status} on chain; not opening it again")]
    private static partial void LogAlreadyOpen(ILogger logger, int round, SettlementRoundStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} accepted the commitment of round {Round} (tx {Transaction})")]
    private static partial void LogAccepted(ILogger logger, string organization, int round, Hash32 transaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} rejected the commitment of round {Round}: {Objections}")]
    private static partial void LogRejectedCommitment(ILogger logger, string organization, int round, string objections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} did not vote on round {Round}: {Reason}; silence counts as acceptance")]
    private static partial void LogReviewFailed(ILogger logger, string organization, int round, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: {Accepted} accepted, {Rejected} rejected of {Members}; settling after the challenge window")]
    private static partial void LogWaitingForWindow(ILogger logger, int round, int accepted, int rejected, int members);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {Round} ended {Status} ({Rejections} of {Members} rejected): void, the coordinator's bond slashed to the organizations")]
    private static partial void LogVoided(ILogger logger, int round, SettlementRoundStatus status, int rejections, int members);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Round {Round}: the commit deadline {Deadline} has passed (chain time {Now}); abandoning the round")]
    private static partial void LogCommitMissed(ILogger logger, int round, long deadline, long now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} topped its bond up by {Wei} wei before round {Round}")]
    private static partial void LogToppedUp(ILogger logger, string organization, int round, BigInteger wei);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} could not top its bond up before round {Round}: {Reason}; it sits the round out")]
    private static partial void LogTopUpFailed(ILogger logger, string organization, int round, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: the coordinator topped its bond up (tx {Transaction})")]
    private static partial void LogCoordinatorToppedUp(ILogger logger, int round, Hash32 transaction);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Round {Round}: settleRound attempt {Attempt} failed: {Reason}")]
    private static partial void LogSettleRetry(ILogger logger, int round, int attempt, string reason);
}
