using System.Globalization;
using System.Numerics;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// Step 7 of a round: the coordinator's records, each organization's own submission, closing, the
/// check of the chain's figures against the off-chain preview, and the transfer. Every transaction
/// is journaled before the next is sent and every step first asks the chain where the round stands,
/// so a resumed run never repeats one (in particular never settles a round twice).
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
    /// Settles <paramref name="pending"/>; <paramref name="journal"/> is called after every mined
    /// transaction with the updated pending round so the caller can checkpoint it. Cancellation is honoured
    /// between transactions only: a transaction once sent is awaited to its receipt and journaled, so a
    /// stopped settlement never leaves a mined step out of the journal.
    /// </summary>
    public async Task<SettlementOutcome> SettleAsync(PendingRound pending, Action<PendingRound> journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(journal);
        var round = pending.Record.Round;
        var steps = pending.Journal.ToList();

        async Task Step(string name, Func<Task<ChainReceipt>> send)
        {
            if (steps.Exists(s => s.Step == name))
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var receipt = await send().ConfigureAwait(false);
            steps.Add(new TransactionRecord(name, receipt.TransactionHash, receipt.BlockNumber));
            journal(pending with { Journal = steps.ToArray() });
            LogStep(_logger, round, name, receipt.TransactionHash, receipt.BlockNumber);
            _progress?.Report(new RunProgress("settlement", steps.Count, 0, FormattableString.Invariant($"round {round} settlement: {name} mined in block {receipt.BlockNumber}")));
        }

        var status = await _ledger.GetRoundStatusAsync(round, cancellationToken).ConfigureAwait(false);
        if (status == SettlementRoundStatus.None)
        {
            await Step("openRound", () => _ledger.OpenRoundAsync(round, CancellationToken.None)).ConfigureAwait(false);
            status = SettlementRoundStatus.Open;
        }

        if (status == SettlementRoundStatus.Open)
        {
            for (var i = 0; i < _channels.Count; i++)
            {
                if (pending.Profiles[i] is { } profile)
                {
                    var member = _terms.Members[i];
                    await Step($"profileRecord:{_channels[i].Id}", () => _ledger.RecordProfileAsync(round, member, profile, CancellationToken.None))
                        .ConfigureAwait(false);
                }
            }

            await CollectSubmissionsAsync(round, pending, steps, journal, cancellationToken).ConfigureAwait(false);
            await CloseAsync(round, Step, cancellationToken).ConfigureAwait(false);
            status = await _ledger.GetRoundStatusAsync(round, cancellationToken).ConfigureAwait(false);
        }

        if (status == SettlementRoundStatus.Disputed)
        {
            throw new SettlementException(round, "the contract marked the round disputed: a member's own profile differs from the coordinator's record");
        }

        var submitters = await SubmittersAsync(round, cancellationToken).ConfigureAwait(false);
        var contributionWad = new BigInteger[_channels.Count];
        for (var i = 0; i < _channels.Count; i++)
        {
            contributionWad[i] = submitters.Contains(_terms.Members[i]) && pending.Profiles[i] is { } p ? p.ContributionWad : BigInteger.Zero;
        }

        var preview = _arithmetic.NetTransfersWei(_terms, contributionWad, Enumerable.Repeat(true, _channels.Count).ToArray());
        var onChain = await _ledger.CalculatePayoffAsync(round, cancellationToken).ConfigureAwait(false);
        var mismatch = Enumerable.Range(0, _channels.Count).FirstOrDefault(i => i >= onChain.Count || onChain[i] != preview[i], -1);
        if (mismatch >= 0)
        {
            var chainValue = mismatch < onChain.Count ? onChain[mismatch].ToString(CultureInfo.InvariantCulture) : "missing";
            throw new SettlementException(round, $"organization {_channels[mismatch].Id}: the contract's net transfer {chainValue} wei differs from the preview {preview[mismatch]} wei");
        }

        if (status == SettlementRoundStatus.Closed)
        {
            await Step("payoffTransfer", () => _ledger.TransferPayoffAsync(round, CancellationToken.None)).ConfigureAwait(false);
            status = SettlementRoundStatus.Settled;
        }

        if (status != SettlementRoundStatus.Settled)
        {
            throw new SettlementException(round, $"the round ended {status} instead of Settled");
        }

        return new SettlementOutcome(
            status.ToString(),
            _ledger.ChainId,
            _ledger.ContractAddress,
            steps.Where(s => !s.Step.StartsWith("contributionSubmit:", StringComparison.Ordinal)).ToArray(),
            preview,
            onChain,
            _channels.Select(c => steps.Find(s => s.Step == $"contributionSubmit:{c.Id}")).ToArray());
    }

    private async Task CollectSubmissionsAsync(
        int round, PendingRound pending, List<TransactionRecord> steps, Action<PendingRound> journal, CancellationToken cancellationToken)
    {
        var already = await SubmittersAsync(round, cancellationToken).ConfigureAwait(false);
        var gate = new Lock();
        var submissions = Enumerable.Range(0, _channels.Count)
            .Where(i => pending.Profiles[i] is not null && !already.Contains(_terms.Members[i]))
            .Select(async i =>
            {
                var channel = _channels[i];
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(_options.SubmissionTimeoutSeconds));
                try
                {
                    var receipt = await channel.SubmitContributionAsync(round, pending.Profiles[i]!, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
                    lock (gate)
                    {
                        steps.Add(new TransactionRecord($"contributionSubmit:{channel.Id}", receipt.TransactionHash, receipt.BlockNumber));
                        journal(pending with { Journal = steps.ToArray() });
                    }

                    _progress?.Report(new RunProgress("settlement", steps.Count, 0,
                        FormattableString.Invariant($"round {round} settlement: {channel.Id} submitted its profile in block {receipt.BlockNumber}")));
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    // A member that cannot submit is settled at x = 0 after the deadline, as the contract defines.
                    LogSubmissionFailed(_logger, channel.Id, round, ex.Message);
                }
            });
        await Task.WhenAll(submissions).ConfigureAwait(false);
    }

    private async Task CloseAsync(int round, Func<string, Func<Task<ChainReceipt>>, Task> step, CancellationToken cancellationToken)
    {
        var submitters = await SubmittersAsync(round, cancellationToken).ConfigureAwait(false);
        if (!_terms.Members.All(submitters.Contains))
        {
            LogWaitingForDeadline(_logger, round, _terms.Members.Count - submitters.Count);
            await _ledger.WaitForDeadlineAsync(round, cancellationToken).ConfigureAwait(false);
        }

        // The deadline is judged by the next block's timestamp, which can trail the wall clock by a second.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await step("closeRound", () => _ledger.CloseRoundAsync(round, CancellationToken.None)).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (attempt < 10 && ex is not OperationCanceledException)
            {
                LogCloseRetry(_logger, round, attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<HashSet<ChainAddress>> SubmittersAsync(int round, CancellationToken cancellationToken) =>
        [.. await _ledger.GetSubmittersAsync(round, cancellationToken).ConfigureAwait(false)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: {Step} mined (tx {Transaction}, block {Block})")]
    private static partial void LogStep(ILogger logger, int round, string step, Hash32 transaction, long block);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} did not submit round {Round}: {Reason}; it settles at x = 0")]
    private static partial void LogSubmissionFailed(ILogger logger, string organization, int round, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: {Missing} member(s) did not submit; closing after the deadline")]
    private static partial void LogWaitingForDeadline(ILogger logger, int round, int missing);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Round {Round}: closeRound attempt {Attempt} failed: {Reason}")]
    private static partial void LogCloseRetry(ILogger logger, int round, int attempt, string reason);
}
