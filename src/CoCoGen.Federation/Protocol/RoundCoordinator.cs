using System.Diagnostics;
using System.Numerics;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Strategies;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Protocol;

/// <summary>
/// The coordinator: joins the organizations, deploys and bonds the settlement contract, pre-trains
/// the generator with FedAvg, then runs rounds (paper section III-B, steps 0–7), checkpointing after
/// every step a resume must not repeat.
/// </summary>
public sealed partial class RoundCoordinator
{
    private readonly IReadOnlyList<IOrganizationChannel> _channels;
    private readonly IRoundStrategy _strategy;
    private readonly IGlobalModel _model;
    private readonly IContributionMeter _meter;
    private readonly ValidationSeeds _seeds;
    private readonly IWeightsHasher _hasher;
    private readonly ISettlementDeployer _deployer;
    private readonly ISettlementArithmetic _arithmetic;
    private readonly RunDirectory _directory;
    private readonly ProtocolOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly UpdateScreen _screen;

    /// <summary>Creates the coordinator of one run.</summary>
    public RoundCoordinator(
        IReadOnlyList<IOrganizationChannel> channels,
        IRoundStrategy strategy,
        IGlobalModel model,
        IContributionMeter meter,
        ValidationSeeds seeds,
        IWeightsHasher hasher,
        ISettlementDeployer deployer,
        ISettlementArithmetic arithmetic,
        RunDirectory directory,
        ProtocolOptions options,
        TimeProvider time,
        ILogger<RoundCoordinator> logger)
    {
        _channels = channels ?? throw new ArgumentNullException(nameof(channels));
        _strategy = strategy ?? throw new ArgumentNullException(nameof(strategy));
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _meter = meter ?? throw new ArgumentNullException(nameof(meter));
        _seeds = seeds ?? throw new ArgumentNullException(nameof(seeds));
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _deployer = deployer ?? throw new ArgumentNullException(nameof(deployer));
        _arithmetic = arithmetic ?? throw new ArgumentNullException(nameof(arithmetic));
        _directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _screen = new UpdateScreen(options.UpdateNormFactor);
        if (channels.Count < 2)
        {
            throw new ArgumentException("a federation needs at least two organizations", nameof(channels));
        }
    }

    /// <summary>
    /// Runs (or, with <paramref name="resume"/>, continues) the run to its last round. Cancelling
    /// <paramref name="cancellationToken"/> stops it at the next safe point: between generator steps, during a
    /// local phase (the round is trained again on resume), or between two settlement transactions; the
    /// checkpoint then describes exactly what is done, and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public async Task<RunSummary> RunAsync(bool resume, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var state = resume && _directory.HasCheckpoint
            ? await ResumeAsync(cancellationToken).ConfigureAwait(false)
            : await StartAsync(resume, cancellationToken).ConfigureAwait(false);

        await PretrainGeneratorAsync(state, progress, cancellationToken).ConfigureAwait(false);
        if (state.Checkpoint.Pending is { } pending)
        {
            LogResumingSettlement(_logger, pending.Record.Round);
            await SettleAndRecordAsync(state, pending, startedAt: null, progress, cancellationToken).ConfigureAwait(false);
        }

        for (var round = state.Checkpoint.SettledRound + 1; round <= _options.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = await RunRoundAsync(state, round, progress, cancellationToken).ConfigureAwait(false);
            progress?.Report(new RunProgress("round", round, _options.Rounds,
                FormattableString.Invariant($"round {round}: accuracy {record.TestAccuracy:P2}, {record.Settlement?.Status} in block {record.Settlement?.Transactions[^1].Block}")));
        }

        _model.SaveModel(state.Global, _directory.ModelFile);
        var modelHash = _hasher.Hash(state.Global);
        LogFinished(_logger, _options.Rounds, modelHash);
        return new RunSummary(_directory.Path, _directory.ReadRounds(), modelHash);
    }

    private async Task<RunState> StartAsync(bool resume, CancellationToken cancellationToken)
    {
        _directory.Create(resume);
        var profiles = await Task.WhenAll(_channels.Select(c => c.JoinAsync(cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < profiles.Length; i++)
        {
            if (profiles[i].Id != _channels[i].Id)
            {
                throw new InvalidOperationException($"organization {_channels[i].Id} joined as {profiles[i].Id}");
            }
        }

        var terms = BuildTerms(profiles);
        var ledger = await _deployer.DeployAsync(terms, cancellationToken).ConfigureAwait(false);
        LogDeployed(_logger, ledger.ContractAddress, ledger.ChainId, profiles.Length);
        var bond = new BigInteger(_options.BondEther * 1_000_000_000m) * BigInteger.Pow(10, 9);
        foreach (var channel in _channels)
        {
            await channel.BondAsync(ledger.ContractAddress, ledger.ChainId, bond, CancellationToken.None).ConfigureAwait(false);
        }

        // The first checkpoint: contract deployed and bonded, nothing trained. From here on a resume reuses the contract.
        var global = _model.InitialModel();
        var generator = _model.InitialGenerator();
        var checkpoint = new RunCheckpoint
        {
            GeneratorSteps = 0,
            SettledRound = 0,
            ChainId = ledger.ChainId,
            Contract = ledger.ContractAddress,
            Organizations = profiles,
            ModelHash = _hasher.Hash(global),
        };
        return new RunState(_directory.SaveCheckpoint(checkpoint, global, generator), global, generator, ledger, terms);
    }

    private async Task<RunState> ResumeAsync(CancellationToken cancellationToken)
    {
        var (checkpoint, global, generator) = _directory.LoadCheckpoint();
        if (_hasher.Hash(global) != checkpoint.ModelHash)
        {
            throw new InvalidDataException($"checkpoint/{checkpoint.GlobalWeights} does not match the checkpoint's model hash {checkpoint.ModelHash}");
        }

        // A crash between appending a round's line and updating the checkpoint leaves the line as the truth.
        var recorded = _directory.ReadRounds();
        if (recorded.Count > 0 && recorded[^1].Round > checkpoint.SettledRound)
        {
            checkpoint = checkpoint with { SettledRound = recorded[^1].Round, Pending = null };
        }

        var profiles = await Task.WhenAll(_channels.Select(c => c.JoinAsync(cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < profiles.Length; i++)
        {
            if (i >= checkpoint.Organizations.Count || profiles[i] != checkpoint.Organizations[i])
            {
                throw new InvalidOperationException($"organization {profiles[i].Id} joined with a profile that differs from the checkpoint's; a run resumes with the same organizations");
            }
        }

        var ledger = await _deployer.AttachAsync(checkpoint.Contract, cancellationToken).ConfigureAwait(false);
        if (ledger.ChainId != checkpoint.ChainId)
        {
            throw new InvalidOperationException($"the chain answers with id {ledger.ChainId}, the run was settled on chain {checkpoint.ChainId}");
        }

        foreach (var channel in _channels)
        {
            await channel.BondAsync(ledger.ContractAddress, ledger.ChainId, BigInteger.Zero, cancellationToken).ConfigureAwait(false);
        }

        LogResumed(_logger, checkpoint.SettledRound, checkpoint.Contract);
        return new RunState(checkpoint, global, generator, ledger, BuildTerms(profiles));
    }

    private SettlementTerms BuildTerms(OrganizationProfile[] profiles)
    {
        var competition = _strategy.Terms(profiles);
        return new SettlementTerms(
            profiles.Select(p => p.Address).ToArray(),
            competition.RhoNormalised.Select((r, k) => WadConversion.ToWad(r, $"competition[{k / profiles.Length}][{k % profiles.Length}]")).ToArray(),
            WadConversion.ToWad(competition.Gamma, "gamma"),
            WadConversion.ToWad(competition.PhiMin, "phiMin"),
            new BigInteger(_options.WeiPerUnit),
            _options.Settlement.Limits(),
            _options.Settlement.Timeouts());
    }

    // Every step is seeded by (seed, organization, step) alone, so continuing from a checkpoint gives the same generator.
    private async Task PretrainGeneratorAsync(RunState state, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        for (var step = state.Checkpoint.GeneratorSteps + 1; step <= _options.GeneratorSteps; step++)
        {
            var generator = state.Generator;
            var label = FormattableString.Invariant($"generator step {step}/{_options.GeneratorSteps}");
            var results = await LocalPhaseAsync(
                (channel, token) => channel.TrainGeneratorAsync(generator, step, token), step, label, progress, cancellationToken).ConfigureAwait(false);
            var updates = results.Where(r => r.Update is not null && r.Update.Weights.IsFinite() && r.Update.Weights.Count == generator.Count)
                .Select(r => (r.Update!.Weights, r.Update.LocalSamples)).ToArray();
            if (updates.Length == 0)
            {
                throw new InvalidOperationException($"generator pre-training step {step}: no organization returned a usable update");
            }

            state.Generator = _model.Aggregate(updates);
            state.Checkpoint = state.Checkpoint with { GeneratorSteps = step };
            state.Checkpoint = _directory.SaveCheckpoint(state.Checkpoint, state.Global, state.Generator);
            var loss = results.Where(r => r.Update is not null).Average(r => r.Update!.TrainingLoss);
            LogGeneratorStep(_logger, step, _options.GeneratorSteps, loss);
            progress?.Report(new RunProgress("generator", step, _options.GeneratorSteps, FormattableString.Invariant($"{label}: mean local loss {loss:F4}")));
        }
    }

    private async Task<RoundRecord> RunRoundAsync(RunState state, int round, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var profiles = state.Checkpoint.Organizations;

        var phase = Stopwatch.StartNew();
        var guidance = _strategy.Configure(round, profiles, _directory.ReadRounds());
        var guidanceSeconds = phase.Elapsed.TotalSeconds;
        LogGuidance(_logger, round, _strategy.Name, guidance.SocialWelfare);

        // The subset's seed is fixed now and only its hash goes out, so the subset cannot be chosen after the updates are seen.
        var validationSeed = _seeds.For(round);
        var seedHash = ValidationSeeds.Commitment(validationSeed);

        // v2 opens the round on chain now, before training: the seed's hash is public before any update exists.
        phase.Restart();
        var opened = await Settlement(state, progress).OpenAsync(round, Hash32.Parse(seedHash), _strategy.Settlement, cancellationToken).ConfigureAwait(false);
        var openingSeconds = phase.Elapsed.TotalSeconds;
        LogValidationCommitted(_logger, round, seedHash);

        phase.Restart();
        var global = state.Global;
        var assigned = guidance.Synthetic.Select(g => (int)Math.Round(g, MidpointRounding.ToEven)).ToArray();
        var results = await LocalPhaseAsync(
            (channel, token) => channel.TrainAsync(
                new RoundAssignment(round, global, state.Generator, assigned[IndexOf(channel)]) { ValidationSeedHash = seedHash }, token),
            round,
            FormattableString.Invariant($"round {round} local phase"),
            progress,
            cancellationToken).ConfigureAwait(false);
        var localSeconds = phase.Elapsed.TotalSeconds;

        phase.Restart();
        var outcomes = Screen(global, results, round);
        var verified = new long[_channels.Count];
        for (var i = 0; i < _channels.Count; i++)
        {
            if (outcomes[i].Outcome != UpdateOutcome.Accepted)
            {
                continue;
            }

            verified[i] = VerifiedSamples.Of(profiles[i], results[i].Update!, assigned[i]);
            if (verified[i] <= 0)
            {
                outcomes[i] = (UpdateOutcome.Rejected, "no verified samples: claims are capped by the declared D_i and the assigned g_i*");
                LogRejected(_logger, _channels[i].Id, round, outcomes[i].Reason!);
            }
        }

        // The measurement of record sums in ascending ordinal organization order, whatever the registration order.
        var order = Enumerable.Range(0, _channels.Count)
            .Where(i => outcomes[i].Outcome == UpdateOutcome.Accepted)
            .OrderBy(i => _channels[i].Id, StringComparer.Ordinal)
            .ToArray();
        var measuring = Stopwatch.StartNew();
        var shapley = _options.ShapleyPermutations >= 2 && order.Length > 0 ? new ShapleySampling(_options.ShapleyPermutations, ShapleySeed(round)) : null;
        var measurement = order.Length == 0
            ? null
            : _meter.Measure(
                validationSeed,
                global,
                order.Select(i => new MeasuredUpdate(_channels[i].Id, results[i].Update!.Weights, verified[i])).ToArray(),
                shapley,
                cancellationToken);
        var measurementSeconds = measuring.Elapsed.TotalSeconds;
        var nextGlobal = measurement?.Aggregate ?? global;
        var evaluation = await _model.EvaluateAsync(nextGlobal, cancellationToken).ConfigureAwait(false);

        var lossWithout = new double?[_channels.Count];
        var shapleyValues = new double?[_channels.Count];
        var shapleyErrors = new double?[_channels.Count];
        var contributions = new double[_channels.Count];
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            lossWithout[i] = measurement!.LossWithout[k];
            shapleyValues[i] = measurement.Shapley?[k];
            shapleyErrors[i] = measurement.ShapleyStandardErrors?[k];
            contributions[i] = _options.Measure switch
            {
                "data" => verified[i],
                "shapley" => measurement.Shapley![k],
                _ => measurement.LossWithout[k] - measurement.Loss,
            };
        }

        var aggregationSeconds = phase.Elapsed.TotalSeconds;
        var participants = Enumerable.Range(0, _channels.Count).Select(i => new RoundRecordBuilder.Participant(
            _channels[i].Id,
            profiles[i].Address,
            outcomes[i].Outcome,
            outcomes[i].Reason,
            results[i].Update,
            verified[i],
            lossWithout[i],
            shapleyValues[i],
            shapleyErrors[i],
            contributions[i],
            WadConversion.ToWad(contributions[i], $"contribution of {_channels[i].Id} in round {round}"),
            outcomes[i].Outcome == UpdateOutcome.Accepted ? _hasher.Hash(results[i].Update!.Weights) : null)).ToArray();

        phase.Restart();
        var validation = new ValidationRecord
        {
            Seed = ValidationSeeds.Hex(validationSeed),
            SeedHash = seedHash,
            PoolHash = _meter.PoolHash,
            SubsetHash = measurement?.SubsetHash ?? "",
            Size = measurement?.SubsetSize ?? 0,
            Loss = measurement?.Loss ?? double.NaN,
            Accuracy = measurement?.Accuracy ?? double.NaN,
        };
        var settledWad = participants.Select(p => p.Outcome == UpdateOutcome.Accepted ? p.ContributionWad : BigInteger.Zero).ToArray();
        var everyone = Enumerable.Repeat(true, _channels.Count).ToArray();
        var netVector = _strategy.Settlement == SettlementMode.NetVector ? ShapleyNetVector(state.Terms, order, measurement, everyone) : null;
        var transfers = netVector ?? _arithmetic.NetTransfersWei(state.Terms, settledWad, everyone);
        var manifest = new EvidenceManifest
        {
            Round = round,
            ChainId = state.Ledger.ChainId,
            Contract = state.Ledger.ContractAddress,
            Measure = _options.Measure,
            Rule = new EvidenceRule(RoundEvidence.Aggregation, RoundEvidence.Screen, _options.UpdateNormFactor, VerifiedSamples.Rule, RoundEvidence.Tolerance)
            {
                Payment = netVector is null ? EvidenceRule.PairRulePayment : ShapleyPayments.Rule,
            },
            Validation = validation,
            GlobalBefore = _hasher.Hash(global),
            GlobalAfter = _hasher.Hash(nextGlobal),
            Updates = order.Select(i => new EvidenceUpdate(_channels[i].Id, participants[i].WeightsHash!, results[i].Update!.LocalSamples, results[i].Update!.SyntheticSamples, verified[i])).ToArray(),
            Contributions = participants.Select((p, i) => new EvidenceContribution(
                p.Id, p.Outcome, p.Reason, p.LossWithout, p.Shapley, p.ShapleyStandardError, p.Contribution,
                settledWad[i].ToString(System.Globalization.CultureInfo.InvariantCulture),
                transfers[i].ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray(),
            ShapleySeed = shapley?.Seed,
            ShapleyPermutations = shapley?.Permutations ?? 0,
        };
        var evidenceHash = RoundEvidence.Write(_directory, _hasher, manifest, [global, nextGlobal, .. order.Select(i => results[i].Update!.Weights)]);
        var evidenceSeconds = phase.Elapsed.TotalSeconds;

        var pending = RoundRecordBuilder.Trained(
            round,
            _strategy.Name,
            guidance,
            evaluation,
            _hasher.Hash(nextGlobal),
            participants,
            new RoundRecordBuilder.Measurement(_options.Measure, validation, shapley?.Seed, shapley?.Permutations ?? 0, evidenceHash),
            new RoundTimings { Guidance = guidanceSeconds, Opening = openingSeconds, LocalPhase = localSeconds, Aggregation = aggregationSeconds, Measurement = measurementSeconds, Evidence = evidenceSeconds },
            opened);
        if (netVector is not null)
        {
            pending = pending with { NetWei = [.. netVector.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))] };
        }

        var acceptedCount = order.Length;
        LogRoundTrained(_logger, round, acceptedCount, _channels.Count, evaluation.Accuracy, evaluation.Loss);

        state.Global = nextGlobal;
        state.Checkpoint = state.Checkpoint with { ModelHash = pending.Record.ModelHash, Pending = pending };
        state.Checkpoint = _directory.SaveCheckpoint(state.Checkpoint, nextGlobal, generator: null);

        return await SettleAndRecordAsync(state, pending, total, progress, cancellationToken).ConfigureAwait(false);
    }

    // Step 5's screen: a missing update is a straggler; a non-finite or outlying one is rejected with its reason.
    private (UpdateOutcome Outcome, string? Reason)[] Screen(ModelWeights global, LocalResult[] results, int round)
    {
        var arrived = results.Where(r => r.Update is not null).ToArray();
        var verdicts = _screen.Screen(global, arrived.Select(r => r.Update!.Weights).ToArray());
        var outcomes = results.Select(r => (UpdateOutcome.Straggler, r.Failure)).ToArray();
        for (var k = 0; k < arrived.Length; k++)
        {
            var i = arrived[k].Index;
            var verdict = verdicts[k] ?? (double.IsFinite(arrived[k].Update!.TrainingLoss) ? null : "training loss is not a finite number");
            outcomes[i] = verdict is null ? (UpdateOutcome.Accepted, null) : (UpdateOutcome.Rejected, verdict);
            if (verdict is { } reason)
            {
                LogRejected(_logger, _channels[i].Id, round, reason);
            }
        }

        return outcomes;
    }

    private async Task<RoundRecord> SettleAndRecordAsync(
        RunState state, PendingRound pending, Stopwatch? startedAt, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var settlement = await Settlement(state, progress).SettleAsync(
            pending,
            journaled =>
            {
                state.Checkpoint = state.Checkpoint with { Pending = journaled };
                _directory.SaveCheckpoint(state.Checkpoint);
            },
            cancellationToken).ConfigureAwait(false);

        var record = RoundRecordBuilder.Settled(pending.Record, settlement, clock.Elapsed.TotalSeconds, startedAt?.Elapsed.TotalSeconds);
        _directory.AppendRound(record);
        state.Checkpoint = state.Checkpoint with { SettledRound = record.Round, Pending = null };
        _directory.SaveCheckpoint(state.Checkpoint);
        LogRoundSettled(_logger, record.Round, record.Settlement!.Status, record.Settlement.Transactions.Count);
        return record;
    }

    private SettlementService Settlement(RunState state, IProgress<RunProgress>? progress) =>
        new(state.Ledger, _arithmetic, state.Terms, _channels, _options, _time, _logger, progress);

    // M^Shap pays p_i = n·φ_i − Σφ over the averaged updates (ShapleyPayments), in wei by the contract's terms.
    private IReadOnlyList<BigInteger> ShapleyNetVector(SettlementTerms terms, int[] order, RoundMeasurement? measurement, bool[] active)
    {
        var payments = new double[_channels.Count];
        if (measurement is not null)
        {
            var shapley = measurement.Shapley ?? throw new InvalidOperationException("the M^Shap rule pays from Shapley values, but none were sampled (Protocol:ShapleyPermutations < 2)");
            var byUpdate = new double[order.Length];
            ShapleyPayments.Compute([.. shapley], byUpdate);
            for (var k = 0; k < order.Length; k++)
            {
                payments[order[k]] = byUpdate[k];
            }
        }

        return _arithmetic.NetVectorWei(terms, payments, active);
    }

    // The Shapley permutations are seeded per round from the round's own validation seed, so they too are fixed in advance.
    private int ShapleySeed(int round) => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_seeds.For(round).AsSpan(8)) & int.MaxValue;

    private int IndexOf(IOrganizationChannel channel)
    {
        for (var i = 0; i < _channels.Count; i++)
        {
            if (ReferenceEquals(_channels[i], channel))
            {
                return i;
            }
        }

        throw new ArgumentException($"organization {channel.Id} is not part of this run", nameof(channel));
    }

    private async Task<LocalResult[]> LocalPhaseAsync(
        Func<IOrganizationChannel, CancellationToken, Task<LocalUpdate>> work,
        int round,
        string label,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(_options.MaxParallelOrganizations);
        var done = 0;
        var clock = Stopwatch.StartNew();
        void Report(IOrganizationChannel channel, string outcome) => progress?.Report(new RunProgress(
            "local", Interlocked.Increment(ref done), _channels.Count, FormattableString.Invariant($"{label}: {channel.Id} {outcome} ({clock.Elapsed.TotalSeconds:F1} s)")));

        var tasks = _channels.Select(async (channel, index) =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(_options.StragglerTimeoutSeconds));
                try
                {
                    var update = await work(channel, timeout.Token).WaitAsync(timeout.Token).ConfigureAwait(false);
                    Report(channel, "done");
                    return new LocalResult(index, update, null);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    var reason = FormattableString.Invariant($"no update within the straggler timeout of {_options.StragglerTimeoutSeconds:G} s");
                    LogStraggler(_logger, channel.Id, round, reason);
                    Report(channel, "straggler");
                    return new LocalResult(index, null, reason);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    var reason = $"local work failed: {ex.Message}";
                    LogStraggler(_logger, channel.Id, round, reason);
                    Report(channel, "straggler");
                    return new LocalResult(index, null, reason);
                }
            }
            finally
            {
                slots.Release();
            }
        });
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private sealed record LocalResult(int Index, LocalUpdate? Update, string? Failure);

    private sealed class RunState(RunCheckpoint checkpoint, ModelWeights global, ModelWeights generator, ISettlementLedger ledger, SettlementTerms terms)
    {
        public RunCheckpoint Checkpoint { get; set; } = checkpoint;

        public ModelWeights Global { get; set; } = global;

        public ModelWeights Generator { get; set; } = generator;

        public ISettlementLedger Ledger { get; } = ledger;

        public SettlementTerms Terms { get; } = terms;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement contract {Contract} deployed on chain {ChainId} with {Members} members")]
    private static partial void LogDeployed(ILogger logger, ChainAddress contract, long chainId, int members);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed after round {Round} on contract {Contract}")]
    private static partial void LogResumed(ILogger logger, int round, ChainAddress contract);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round} was trained before the interruption; finishing its settlement")]
    private static partial void LogResumingSettlement(ILogger logger, int round);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generator step {Step}/{Steps}: mean local loss {Loss:F4}")]
    private static partial void LogGeneratorStep(ILogger logger, int step, int steps, double loss);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: {Mechanism} guidance, predicted welfare {Welfare:F2}")]
    private static partial void LogGuidance(ILogger logger, int round, string mechanism, double welfare);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: opened on chain with the validation seed hash {SeedHash}")]
    private static partial void LogValidationCommitted(ILogger logger, int round, string seedHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} is a straggler in round {Round}: {Reason}")]
    private static partial void LogStraggler(ILogger logger, string organization, int round, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update of {Organization} rejected in round {Round}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string organization, int round, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round}: {Accepted}/{Total} updates averaged, test accuracy {Accuracy:P2}, loss {Loss:F4}")]
    private static partial void LogRoundTrained(ILogger logger, int round, int accepted, int total, double accuracy, double loss);

    [LoggerMessage(Level = LogLevel.Information, Message = "Round {Round} ended {Status} on chain and is recorded ({Transactions} coordinator transactions)")]
    private static partial void LogRoundSettled(ILogger logger, int round, string status, int transactions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run finished after {Rounds} rounds; final model {ModelHash}")]
    private static partial void LogFinished(ILogger logger, int rounds, string modelHash);
}
