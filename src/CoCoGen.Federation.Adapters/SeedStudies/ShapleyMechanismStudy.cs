using CoCoGen.Federation.Adapters.SeedMechanisms;
using CoCoGen.Mechanism.ReciprocalFairness;

namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>
/// The study behind `cocogen mechanism mshap`: finds the equilibria of M^Shap, M^0, M^BG (Murhekar et al.'s
/// budget-balanced cost sharing, Table 1's third column) and the accuracy-shaping mechanism of Example 7 on a closed-form instance and reports samples, payments, Shapley values, reciprocity, data gain and accuracy
/// gain. Input fields: <c>accuracy</c> {kind: powerLaw (alpha, beta) | grouped (weights)}, <c>agents</c>[] {id,
/// costPerSample, fixedCost, maxSamples, group}, <c>mechanisms</c> (shap, none, bg, shaping), <c>costShare</c> (M^BG's β,
/// default 0.8), <c>dynamics</c> {stepSize, iterations,
/// sampledAgents, seed, tolerance, permutations}, <c>shapleyPermutations</c>, <c>shapleySeed</c>, and optionally
/// <c>fedBrShap</c> {iterations, stageLength, stepSize, epsilon, rate, initialSamples, probes, stepDecay} to run FedBR-Shap on the
/// closed-form oracle. With `--train fashion-mnist`, FedBR-Shap runs on real federated LeNet-5 training of a
/// label-skewed Fashion-MNIST federation (optional <c>training</c> {trainPerAgent, testPerAgent, homeFraction,
/// batchSize, learningRate, equilibriumRounds}); equilibriumRounds &gt; 0 also trains each mechanism's equilibrium
/// contributions for that many FedAvg rounds and reports the model's accuracy (the paper's Table 1 accuracy column).
/// M^Shap's <c>payments</c> is the per-member net settlement vector; it sums to zero. --csv writes FedBR-Shap's stages
/// (s_i, p_i, a_i per stage) when the input runs it, otherwise the mechanisms' Table 1 columns; --charts writes a
/// bar chart of the mechanisms and, with FedBR-Shap, its stages.
/// </summary>
public sealed class ShapleyMechanismStudy : ISeedStudy
{
    /// <inheritdoc/>
    public string Name => "mshap";

    /// <inheritdoc/>
    public string Description => "Reciprocally fair FL: M^Shap vs M^0 vs M^BG vs accuracy shaping, payments, reciprocity, gains; FedBR-Shap (--train).";

    /// <inheritdoc/>
    public StudyOptionSet OptionSet => StudyOptionSet.Training | StudyOptionSet.Sweep;

    /// <inheritdoc/>
    public object Run(StudyInput root, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        var agents = root.Sections("agents");
        if (agents.Count == 0)
        {
            throw new StudyInputException("agents: need at least one agent.");
        }

        var accuracy = root.Section("accuracy");
        string kind = accuracy.Text("kind");
        var groups = new int[agents.Count];
        IAccuracyModel model = kind switch
        {
            "powerLaw" => new PowerLawAccuracy(agents.Count, accuracy.Number("alpha"), accuracy.Number("beta")),
            "grouped" => Grouped(accuracy, agents, groups),
            _ => throw new StudyInputException($"accuracy.kind: unknown kind \"{kind}\" (powerLaw, grouped)."),
        };
        accuracy.RejectUnknownFields();
        var costs = agents.Select(a => new AgentCost(a.Number("costPerSample"), a.Number("fixedCost", 0), a.Number("maxSamples"))).ToArray();
        var ids = agents.Select((a, i) => a.Text("id", $"agent{i + 1}")).ToArray();
        foreach (var a in agents)
        {
            if (kind == "powerLaw" && a.Has("group"))
            {
                throw new StudyInputException($"{a.Child("group")}: only grouped accuracy takes groups.");
            }

            a.RejectUnknownFields();
        }

        var instance = new FederationInstance(model, costs, ids);
        var dynamicsInput = root.Section("dynamics");
        int n = instance.AgentCount;
        int? permutations = dynamicsInput.OptionalWholeNumber("permutations");
        if (permutations is null && n > ShapleyValues.MaxExactAgents)
        {
            permutations = (int)Math.Floor(n * Math.Log(n)); // Section 5.1: ⌊n log n⌋ permutations
        }

        var dynamics = new FederationBestResponseDynamics(
            dynamicsInput.Number("stepSize"),
            dynamicsInput.WholeNumber("iterations", 1000),
            dynamicsInput.OptionalWholeNumber("sampledAgents"),
            dynamicsInput.WholeNumber("seed", 1),
            dynamicsInput.Number("tolerance", 1e-10));
        dynamicsInput.RejectUnknownFields();
        var mechanisms = root.Has("mechanisms") ? root.Strings("mechanisms") : ["shap", "none", "shaping"];
        double costShare = root.Number("costShare", CostSharingMechanism.PaperCostShare);
        if (!(costShare >= 0 && costShare < 1))
        {
            throw new StudyInputException($"costShare: M^BG's β must lie in [0, 1), got {costShare}.");
        }

        if (mechanisms.Contains("bg") && n < 2)
        {
            throw new StudyInputException($"mechanisms: \"bg\" (M^BG) shares costs among agents and needs at least 2 agents, got {n}.");
        }

        int shapleyPermutations = root.WholeNumber("shapleyPermutations", 5000);
        int shapleySeed = root.WholeNumber("shapleySeed", 1);
        var fedBrShap = root.Has("fedBrShap") ? root.Section("fedBrShap") : null;
        FedBrShapProtocol? protocol = null;
        double rate = 0;
        if (fedBrShap is not null)
        {
            protocol = new FedBrShapProtocol(
                fedBrShap.WholeNumber("iterations", 1000),
                fedBrShap.WholeNumber("stageLength", 10),
                fedBrShap.Number("stepSize"),
                fedBrShap.Number("epsilon", 1e-3),
                fedBrShap.OptionalNumbers("initialSamples"),
                fedBrShap.WholeNumber("probes", 1),
                fedBrShap.Has("stepDecay") ? fedBrShap.Number("stepDecay") : null);
            if (options.TrainsForReal && fedBrShap.Has("rate"))
            {
                throw new StudyInputException("fedBrShap.rate: only the closed-form oracle takes a rate; real training measures its gains.");
            }

            rate = options.TrainsForReal ? 0 : fedBrShap.Number("rate", 1.0 / protocol.StageLength);
            fedBrShap.RejectUnknownFields();
        }

        FederationTrainingSettings? trainingSettings = null;
        int equilibriumRounds = 0;
        if (options.TrainsForReal)
        {
            (trainingSettings, equilibriumRounds) = TrainingSettings(root, n, options.Seed, grouped: kind == "grouped");
        }
        else if (root.Has("training"))
        {
            throw new StudyInputException($"training: real training needs --train {StudyOptions.FashionMnistName}.");
        }

        root.RejectUnknownFields();
        if (options.TrainsForReal && protocol is null && equilibriumRounds == 0)
        {
            throw new StudyInputException("fedBrShap: with --train, give \"fedBrShap\" or training.equilibriumRounds > 0: there is nothing to train.");
        }

        var data = options.TrainsForReal ? options.LoadFashionMnist() : default;
        int[]? agentGroups = kind == "grouped" ? groups : null;
        FederatedCoalitionOracle Oracle() => FashionMnistFederation.CreateOracle(data.Train, data.Test, trainingSettings!, agentGroups);
        if (!mechanisms.Contains("none"))
        {
            throw new StudyInputException("mechanisms: must include \"none\" (M^0), the baseline of data and accuracy gain.");
        }

        var shap = new ShapleyMechanism(permutations, shapleyPermutations, shapleySeed);
        var baseline = dynamics.Run(instance, new NoPaymentMechanism()).Samples;
        var results = new List<object>();
        var rows = new List<MechanismComparisonRow>();
        for (int m = 0; m < mechanisms.Length; m++)
        {
            var (name, samples, payments, iterations, residual) = mechanisms[m] switch
            {
                "shap" => Equilibrium(dynamics, instance, shap),
                "none" => Equilibrium(dynamics, instance, new NoPaymentMechanism()),
                "bg" => Equilibrium(dynamics, instance, new CostSharingMechanism(costShare)),
                "shaping" => ("accuracy shaping (Example 7)", (IReadOnlyList<double>)AccuracyShapingEquilibrium.Solve(instance), new double[n], 0, 0.0),
                _ => throw new StudyInputException($"mechanisms[{m}]: unknown mechanism \"{mechanisms[m]}\" (shap, none, bg, shaping)."),
            };
            var phi = shap.Shapley(instance, samples);
            var estimate = n > ShapleyValues.MaxExactAgents ? ShapleyValues.MonteCarlo(instance, samples, shapleyPermutations, shapleySeed) : null;
            rows.Add(new MechanismComparisonRow(
                name,
                samples.Sum() / costs.Sum(c => c.MaxSamples),
                FederationMetrics.TotalPayoff(instance, samples) / n,
                equilibriumRounds > 0 ? FixedContributionTraining.Run(Oracle(), samples, equilibriumRounds).Average() : null,
                FederationMetrics.DataGain(samples, baseline),
                FederationMetrics.AccuracyGain(instance, samples, baseline),
                FederationMetrics.Reciprocity(instance, samples, payments, phi),
                instance.Welfare(samples.ToArray())));
            var row = rows[^1];
            results.Add(new
            {
                Mechanism = name,
                Samples = samples,
                row.DataShare,
                Payments = payments,
                PaymentSum = payments.Sum(),
                Shapley = phi,
                ShapleyMethod = estimate is null ? "exact" : $"monte carlo, {estimate.Permutations} permutations",
                ShapleyStandardErrors = estimate?.StandardErrors,
                ShapleyHoeffdingHalfWidth = estimate?.HoeffdingHalfWidth,
                ShapleyHoeffdingDelta = estimate?.Delta,
                Utilities = FederationMetrics.Utilities(instance, samples, payments),
                row.Reciprocity,
                row.Welfare,
                row.AverageAccuracy,
                row.DataGain,
                row.AccuracyGain,
                row.TrainedAccuracy,
                Iterations = iterations,
                Residual = residual,
            });
        }

        if (protocol is null && options.CsvPath is not null)
        {
            File.WriteAllText(options.CsvPath, MechanismComparisonCharts.Csv(rows));
        }

        if (options.ChartsDirectory is not null)
        {
            Directory.CreateDirectory(options.ChartsDirectory);
            var (fileName, svg) = MechanismComparisonCharts.Render(rows, $"Equilibria of {string.Join(", ", rows.Select(r => r.Mechanism))} ({n} agents, {kind} accuracy)");
            File.WriteAllText(Path.Combine(options.ChartsDirectory, fileName), svg);
        }

        object? protocolResult = null;
        if (protocol is not null && options.TrainsForReal)
        {
            var oracle = Oracle();
            var initial = oracle.GlobalAccuracies.ToArray();
            var run = protocol.Run(oracle, costs);
            WriteStages(ids, run, options, $"real training, K = {protocol.Probes}, {(protocol.StepDecay is double t0 ? $"δ_t = δ·{t0:G4}/({t0:G4} + t − 1)" : "constant δ")}");
            protocolResult = new
            {
                Oracle = $"real training: LeNet-5 on Fashion-MNIST, {n} agents × {trainingSettings!.TrainPerAgent} images ({trainingSettings.HomeFraction:P0} from their own classes), s_i in batches of {trainingSettings.BatchSize}, seed {trainingSettings.Seed}",
                InitialAccuracies = initial,
                run.Samples,
                LargestStagePaymentSum = run.Stages.Max(st => Math.Abs(st.Payments.Sum())),
                run.Stages,
            };
        }
        else if (protocol is not null)
        {
            var run = protocol.Run(new StationaryGainOracle(instance, rate), costs);
            WriteStages(ids, run, options, "closed-form oracle");
            protocolResult = new
            {
                Oracle = "stationary gain: closed-form accuracies under Assumption F.1 (the real-training oracle lives in Federation)",
                run.Samples,
                LargestStagePaymentSum = run.Stages.Max(st => Math.Abs(st.Payments.Sum())),
                run.Stages,
            };
        }

        return new { Mechanism = "mshap", Agents = ids, Results = results, FedBrShap = protocolResult };
    }

    private static void WriteStages(IReadOnlyList<string> ids, FedBrShapResult run, StudyOptions options, string setup)
    {
        if (options.CsvPath is not null)
        {
            File.WriteAllText(options.CsvPath, FedBrShapCharts.Csv(ids, run.Stages));
        }

        if (options.ChartsDirectory is not null)
        {
            Directory.CreateDirectory(options.ChartsDirectory);
            foreach (var (fileName, svg) in FedBrShapCharts.Render(ids, run.Stages, setup))
            {
                File.WriteAllText(Path.Combine(options.ChartsDirectory, fileName), svg);
            }
        }
    }

    private static (FederationTrainingSettings Settings, int EquilibriumRounds) TrainingSettings(StudyInput root, int agents, ulong seed, bool grouped)
    {
        var defaults = new FederationTrainingSettings(Agents: agents, Seed: seed);
        if (!root.Has("training"))
        {
            return (Validated(defaults, grouped), 0);
        }

        var training = root.Section("training");
        var settings = new FederationTrainingSettings(
            agents,
            training.WholeNumber("trainPerAgent", defaults.TrainPerAgent),
            training.WholeNumber("testPerAgent", defaults.TestPerAgent),
            training.Number("homeFraction", defaults.HomeFraction),
            training.WholeNumber("batchSize", defaults.BatchSize),
            (float)training.Number("learningRate", defaults.LearningRate),
            seed);
        int rounds = training.WholeNumber("equilibriumRounds", 0);
        training.RejectUnknownFields();
        if (rounds < 0)
        {
            throw new StudyInputException($"training.equilibriumRounds: must be non-negative, got {rounds}.");
        }

        return (Validated(settings, grouped), rounds);
    }

    private static FederationTrainingSettings Validated(FederationTrainingSettings settings, bool grouped)
    {
        try
        {
            settings.Validate(grouped);
        }
        catch (ArgumentException e)
        {
            // The agent count comes from "agents"; every other setting from "training".
            throw new StudyInputException(e.Message.StartsWith("agents", StringComparison.Ordinal) ? e.Message : $"training.{e.Message}");
        }

        return settings;
    }

    private static (string, IReadOnlyList<double>, double[], int, double) Equilibrium(
        FederationBestResponseDynamics dynamics, FederationInstance instance, IFederationMechanism mechanism)
    {
        var run = dynamics.Run(instance, mechanism);
        return (mechanism.Name, run.Samples, mechanism.Payments(instance, run.Samples), run.Iterations, run.Residual);
    }

    private static GroupedAccuracy Grouped(StudyInput accuracy, IReadOnlyList<StudyInput> agents, int[] groups)
    {
        var weights = accuracy.Matrix("weights");
        for (int i = 0; i < agents.Count; i++)
        {
            groups[i] = agents[i].WholeNumber("group", -1);
            if (groups[i] < 0 || groups[i] >= weights.GetLength(0))
            {
                throw new StudyInputException($"{agents[i].Child("group")}: required, in [0, {weights.GetLength(0)}).");
            }
        }

        return new GroupedAccuracy(weights, groups);
    }
}
