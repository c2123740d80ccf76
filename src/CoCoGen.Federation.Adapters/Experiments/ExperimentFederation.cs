using System.Globalization;
using CoCoGen.Federation.Adapters.Measurement;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;

namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>
/// One (α, seed) federation trained as a run trains it, without a chain: the run's Dirichlet split, learners, FedAvg
/// of the canonical meter (weighted by D_i + generated_i, as verified samples weigh a run's aggregate), test-set
/// evaluation and contribution measurement. The conditional generator is pre-trained once; every training with a
/// given g vector then starts from the same initial model, and a vector already trained is returned from memory.
/// </summary>
public sealed class ExperimentFederation
{
    private readonly LearningOptions _learning;
    private readonly int _rounds;
    private readonly int _generatorPasses;
    private readonly ImageGlobalModel _model;
    private readonly ImageOrganizationLearner[] _learners;
    private readonly CanonicalContributionMeter _meter;
    private readonly ValidationSeeds _seeds;
    private readonly Dictionary<string, TrainingOutcome> _trained = new(StringComparer.Ordinal);
    private ModelWeights? _generator;

    /// <summary>Loads and splits the data for <paramref name="learning"/>'s α and seed.</summary>
    /// <param name="learning">Data, split and local training.</param>
    /// <param name="rounds">FedAvg rounds of every training.</param>
    /// <param name="generatorPasses">FedAvg passes of generator pre-training.</param>
    public ExperimentFederation(LearningOptions learning, int rounds, int generatorPasses)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(generatorPasses);
        _generatorPasses = generatorPasses;
        _learning = learning ?? throw new ArgumentNullException(nameof(learning));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rounds);
        _rounds = rounds;
        var data = ImageFederationData.Load(learning);
        var corpus = learning.ResolvedCorpus();
        _model = new ImageGlobalModel(data.Test, learning);
        _learners = [.. Enumerable.Range(0, learning.Organizations).Select(i => new ImageOrganizationLearner(data, i, learning))];
        _meter = new CanonicalContributionMeter(
            data.Pool, learning.ResolvedModel().Canonical(corpus), learning.ValidationSubset, Math.Max(1, learning.Threads));
        _seeds = new ValidationSeeds(FormattableString.Invariant($"cocogen/run-seed/{learning.Seed}"));
        Profiles = [.. _learners.Select((l, i) => new OrganizationProfile(OrganizationIds.Of(i), ChainAddress.Zero, l.LocalSamples))];
    }

    /// <summary>The roster as the guidance policy sees it.</summary>
    public IReadOnlyList<OrganizationProfile> Profiles { get; }

    /// <summary>
    /// Trains the federation with <paramref name="synthetic"/> (rounded as the coordinator rounds, then down to whole
    /// classes as a learner generates), or returns the outcome of an earlier training of the same realised vector.
    /// </summary>
    /// <returns>The outcome and whether it was reused.</returns>
    public async Task<(TrainingOutcome Outcome, bool Reused)> TrainAsync(IReadOnlyList<double> synthetic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        var classes = _learning.ResolvedCorpus().ClassCount;
        var assigned = synthetic.Select(g => (int)Math.Round(g, MidpointRounding.ToEven) / classes * classes).ToArray();
        var key = string.Create(CultureInfo.InvariantCulture, $"alpha={_learning.Alpha:R};seed={_learning.Seed};g={string.Join(',', assigned)}");
        if (_trained.TryGetValue(key, out var known))
        {
            return (known, true);
        }

        var generator = await GeneratorAsync(cancellationToken).ConfigureAwait(false);
        var global = _model.InitialModel();
        RoundMeasurement? measurement = null;
        var updates = new LocalUpdate[_learners.Length];
        var ids = Profiles.Select(p => p.Id).ToArray();

        // The measurement of record sums in ascending ordinal organization order, as the coordinator's does.
        var order = Enumerable.Range(0, _learners.Length).OrderBy(i => ids[i], StringComparer.Ordinal).ToArray();
        for (var round = 1; round <= _rounds; round++)
        {
            for (var i = 0; i < _learners.Length; i++)
            {
                updates[i] = await _learners[i].TrainAsync(global, generator, assigned[i], round, cancellationToken).ConfigureAwait(false);
            }

            measurement = _meter.Measure(
                _seeds.For(round),
                global,
                [.. order.Select(i => new MeasuredUpdate(ids[i], updates[i].Weights, updates[i].LocalSamples + updates[i].SyntheticSamples))],
                null,
                cancellationToken);
            global = measurement.Aggregate;
        }

        var evaluation = await _model.EvaluateAsync(global, cancellationToken).ConfigureAwait(false);
        var contributions = new double[_learners.Length];
        for (var k = 0; k < order.Length; k++)
        {
            contributions[order[k]] = measurement!.LossWithout[k] - measurement.Loss;
        }

        var outcome = new TrainingOutcome(
            key,
            evaluation.Loss,
            evaluation.Accuracy,
            contributions,
            [.. updates.Select(u => u.LocalSamples)],
            [.. updates.Select(u => u.SyntheticSamples)],
            [.. updates.Select(u => (long)_learning.LocalEpochs * (u.LocalSamples + u.SyntheticSamples))]);
        _trained[key] = outcome;
        return (outcome, false);
    }

    // FedAvg pre-training of the conditional generator, as a run's generator steps do, once per federation.
    private async Task<ModelWeights> GeneratorAsync(CancellationToken cancellationToken)
    {
        if (_generator is not null)
        {
            return _generator;
        }

        var generator = _model.InitialGenerator();
        for (var pass = 1; pass <= _generatorPasses; pass++)
        {
            var updates = new List<(ModelWeights, long)>();
            foreach (var learner in _learners)
            {
                var update = await learner.TrainGeneratorAsync(generator, pass, cancellationToken).ConfigureAwait(false);
                updates.Add((update.Weights, update.LocalSamples));
            }

            generator = _model.Aggregate(updates);
        }

        _generator = generator;
        return generator;
    }
}
