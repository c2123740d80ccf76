using System.Globalization;
using CoCoGen.Federation.Hosting;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Training;

namespace CoCoGen.Federation.Calibration;

/// <summary>
/// Paper Fig. 3 on real data: split the training set with Dirichlet(α), pre-train the conditional
/// generator with FedAvg as a run does, then for each organization and each g of a grid train the
/// initial LeNet-5 on D_i real plus g synthetic samples, record the trained model's loss on the common
/// test set, and fit ℓ(n) = a·n^(−b) + c per organization and pooled, by Levenberg–Marquardt.
/// The test loss, not the training loss: on a non-IID shard, balanced synthetic classes make the local
/// training task harder (its loss rises with g) while they improve the model on the balanced task,
/// which is what ℓ_i in the global loss L(g) measures.
/// </summary>
public sealed class ScalingExperiment(LearningOptions learning, int generatorPasses)
{
    /// <summary>Runs the experiment over <paramref name="grid"/> (synthetic samples per organization).</summary>
    public async Task<ScalingCalibration> RunAsync(IReadOnlyList<int> grid, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count < 3 || grid.Any(g => g < 0))
        {
            throw new ArgumentException("--grid needs at least 3 non-negative synthetic sample counts", nameof(grid));
        }

        var data = ImageFederationData.Load(learning);
        var model = new ImageGlobalModel(data.Test, learning);
        var learners = Enumerable.Range(0, learning.Organizations).Select(i => new ImageOrganizationLearner(data.Shard(i), i, learning)).ToArray();
        var generator = model.InitialGenerator();
        for (var pass = 1; pass <= generatorPasses; pass++)
        {
            var updates = new List<(ModelWeights, long)>();
            foreach (var learner in learners)
            {
                var update = await learner.TrainGeneratorAsync(generator, pass, cancellationToken).ConfigureAwait(false);
                updates.Add((update.Weights, update.LocalSamples));
            }

            generator = model.Aggregate(updates);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"generator pass {pass}/{generatorPasses}"));
        }

        var initial = model.InitialModel();
        var points = new List<ScalingPoint>();
        var curves = new List<OrganizationCurve>();
        for (var i = 0; i < learners.Length; i++)
        {
            var own = new List<ScalingPoint>();
            for (var k = 0; k < grid.Count; k++)
            {
                var update = await learners[i].TrainAsync(initial, generator, grid[k], 10_000 + k, cancellationToken).ConfigureAwait(false);
                var evaluation = await model.EvaluateAsync(update.Weights, cancellationToken).ConfigureAwait(false);
                own.Add(new ScalingPoint(
                    CoordinatorAssembly.OrganizationId(i), update.SyntheticSamples, update.LocalSamples + update.SyntheticSamples, evaluation.Loss));
                progress?.Report(string.Create(CultureInfo.InvariantCulture,
                    $"{CoordinatorAssembly.OrganizationId(i)}: g = {update.SyntheticSamples}, test loss {evaluation.Loss:F4} (training loss {update.TrainingLoss:F4})"));
            }

            var fit = PowerLawFit.Fit(own.Select(p => (double)p.Samples).ToArray(), own.Select(p => p.Loss).ToArray());
            curves.Add(new OrganizationCurve(CoordinatorAssembly.OrganizationId(i), learners[i].LocalSamples, fit.A, fit.B, fit.C, fit.RSquared));
            points.AddRange(own);
        }

        var pooled = PowerLawFit.Fit(points.Select(p => (double)p.Samples).ToArray(), points.Select(p => p.Loss).ToArray());
        return new ScalingCalibration
        {
            Dataset = "fashion-mnist",
            Alpha = learning.Alpha,
            Organizations = learning.Organizations,
            Seed = learning.Seed,
            A = pooled.A,
            B = pooled.B,
            C = pooled.C,
            RSquared = pooled.RSquared,
            Curves = curves,
            Points = points,
        };
    }
}
