using CoCoGen.Cli.Tests.Commands;
using System.Text.Json;

namespace CoCoGen.Cli.Tests.MechanismTraining;

/// <summary>`cocogen mechanism mshap|dfcl --train fashion-mnist` on tiny real runs, and `tradefl --charts`.</summary>
public sealed class MechanismTrainingCommandTests : IDisposable
{
    private const string TinyDuopoly = """
        { "training": { "kind": "fashionMnist", "samplesPerFirm": 300, "targetSamples": 300, "batchSize": 16, "learningRate": 0.05,
                        "initialEpochsLow": 1, "initialEpochsHigh": 4, "stepBatches": 4, "referenceEpochs": 3, "maxInnerSteps": 3, "bisectionSteps": 5 },
          "rounds": 6, "schemes": ["defectionFree", "complete"] }
        """;

    private const string TinyFederation = """
        { "accuracy": { "kind": "powerLaw", "alpha": 1, "beta": 1 },
          "agents": [ { "id": "a", "costPerSample": 0.05, "maxSamples": 10 }, { "id": "b", "costPerSample": 0.1, "maxSamples": 10 },
                      { "id": "c", "costPerSample": 0.2, "maxSamples": 10 } ],
          "mechanisms": ["shap", "none"],
          "dynamics": { "stepSize": 5, "iterations": 20000, "tolerance": 1e-12 },
          "fedBrShap": { "iterations": 6, "stageLength": 3, "stepSize": 1, "epsilon": 0.5, "initialSamples": [6, 6, 6] },
          "training": { "trainPerAgent": 160, "testPerAgent": 60, "batchSize": 16, "equilibriumRounds": 4 } }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("cocogen-mechanism-training-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void DfclOnRealTrainingKeepsBothRevenuesAndReportsTheCompleteSchemesDecreasesByRound()
    {
        var (code, output, error) = Run("dfcl", Write("dfcl.json", TinyDuopoly), "--train", "fashion-mnist", "--seed", "2");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var training = json.RootElement.GetProperty("training");
        Assert.True(training.GetProperty("initialLowQuality").GetDouble() < training.GetProperty("initialHighQuality").GetDouble());
        var results = json.RootElement.GetProperty("results");

        var defectionFree = results[0];
        Assert.Equal("DefectionFree", defectionFree.GetProperty("scheme").GetString());
        Assert.Equal(0, defectionFree.GetProperty("revenueDecreases").GetArrayLength());
        Assert.True(defectionFree.GetProperty("revenuesNeverDecreased").GetBoolean());
        var rounds = defectionFree.GetProperty("rounds").EnumerateArray().ToArray();
        Assert.Equal(7, rounds.Length);
        for (int t = 1; t < rounds.Length; t++)
        {
            Assert.True(rounds[t].GetProperty("lowRevenue").GetDouble() >= rounds[t - 1].GetProperty("lowRevenue").GetDouble() - 1e-12, $"round {t}: U_l fell");
            Assert.True(rounds[t].GetProperty("highRevenue").GetDouble() >= rounds[t - 1].GetProperty("highRevenue").GetDouble() - 1e-12, $"round {t}: U_h fell");
        }

        var complete = results[1];
        var decreases = complete.GetProperty("revenueDecreases").EnumerateArray().ToArray();
        Assert.NotEmpty(decreases);
        Assert.All(decreases, d => Assert.InRange(d.GetProperty("round").GetInt32(), 1, 6));
        Assert.False(complete.GetProperty("revenuesNeverDecreased").GetBoolean());
    }

    [Fact]
    public void MshapOnRealTrainingBalancesEveryFedBrShapStageAndTrainsAboveChance()
    {
        string csv = Path.Combine(_directory, "stages.csv");
        string charts = Path.Combine(_directory, "stage-charts");
        var (code, output, error) = Run("mshap", Write("mshap.json", TinyFederation), "--train", "fashion-mnist", "--seed", "3", "--csv", csv, "--charts", charts);
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(csv);
        Assert.Equal(3, rows.Length); // header + two stages
        Assert.StartsWith("stage,samples_a,samples_b,samples_c,payment_a", rows[0], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(charts, "fedbrshap-samples.svg")));
        using var json = JsonDocument.Parse(output);
        var protocol = json.RootElement.GetProperty("fedBrShap");
        Assert.StartsWith("real training", protocol.GetProperty("oracle").GetString(), StringComparison.Ordinal);
        var stages = protocol.GetProperty("stages").EnumerateArray().ToArray();
        Assert.Equal(2, stages.Length);
        Assert.All(stages, stage => Assert.All(stage.GetProperty("samples").EnumerateArray(), x => Assert.InRange(x.GetDouble(), 0, 10)));
        foreach (var stage in stages)
        {
            double sum = stage.GetProperty("payments").EnumerateArray().Sum(p => p.GetDouble());
            Assert.True(Math.Abs(sum) < 1e-9, $"stage {stage.GetProperty("stage").GetInt32()}: payments sum to {sum}");
        }

        double before = protocol.GetProperty("initialAccuracies").EnumerateArray().Average(a => a.GetDouble());
        double after = stages[^1].GetProperty("accuracies").EnumerateArray().Average(a => a.GetDouble());
        Assert.True(after > 0.2 && after > before, $"FedBR-Shap accuracy {before} → {after}");
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            double trained = result.GetProperty("trainedAccuracy").GetDouble();
            Assert.True(trained > 0.15, $"{result.GetProperty("mechanism").GetString()}: trained accuracy {trained} is not above chance");
        }
    }

    [Theory]
    [InlineData("mshap", """{ "agents": [] }""", new[] { "--train", "mnist" }, "--train: unknown dataset")]
    [InlineData("dfcl", """{ "rounds": 2 }""", new[] { "--train", "fashion-mnist", "--data-dir", "/nonexistent/fmnist" }, "--data-dir:")]
    [InlineData("dfcl", """{ "training": { "kind": "fashionMnist" }, "rounds": 2 }""", new string[0], "fashionMnist needs --train")]
    [InlineData("dfcl", """{ "training": { "kind": "quadratic" }, "rounds": 2 }""", new[] { "--train", "fashion-mnist" }, "training.kind:")]
    [InlineData("dfcl", """{ "training": { "kind": "fashionMnist", "stepBatches": 0 }, "rounds": 2 }""", new[] { "--train", "fashion-mnist" }, "training.stepBatches")]
    [InlineData("mshap", """
        { "accuracy": { "kind": "powerLaw", "alpha": 1, "beta": 1 }, "agents": [ { "costPerSample": 0.1, "maxSamples": 10 } ],
          "dynamics": { "stepSize": 1 }, "training": { "trainPerAgent": 10 } }
        """, new string[0], "training: real training needs --train")]
    [InlineData("mshap", """
        { "accuracy": { "kind": "powerLaw", "alpha": 1, "beta": 1 }, "agents": [ { "costPerSample": 0.1, "maxSamples": 10 } ],
          "dynamics": { "stepSize": 1 }, "fedBrShap": { "stepSize": 1, "rate": 0.1 } }
        """, new[] { "--train", "fashion-mnist" }, "fedBrShap.rate")]
    [InlineData("mshap", """
        { "accuracy": { "kind": "powerLaw", "alpha": 1, "beta": 1 }, "agents": [ { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 } ],
          "dynamics": { "stepSize": 1 }, "fedBrShap": { "stepSize": 1 } }
        """, new[] { "--train", "fashion-mnist" }, "agents: must be 1 to 10")]
    [InlineData("mshap", """
        { "accuracy": { "kind": "powerLaw", "alpha": 1, "beta": 1 }, "agents": [ { "costPerSample": 0.1, "maxSamples": 10 } ],
          "mechanisms": ["none", "bg"], "dynamics": { "stepSize": 1 } }
        """, new string[0], "\"bg\" (M^BG) shares costs among agents and needs at least 2")]
    [InlineData("mshap", """
        { "accuracy": { "kind": "powerLaw", "alpha": 1, "beta": 1 }, "agents": [ { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": 0.1, "maxSamples": 10 } ],
          "mechanisms": ["none", "bg"], "costShare": 1, "dynamics": { "stepSize": 1 } }
        """, new string[0], "costShare: M^BG's β must lie in [0, 1)")]
    [InlineData("tradefl", """
        { "simulation": { "seed": 7 }, "gamma": 5e-9, "schemes": ["tos"] }
        """, new[] { "--train", "fashion-mnist" }, "training: required with --train")]
    [InlineData("tradefl", """
        { "simulation": { "seed": 7 }, "gamma": 5e-9, "schemes": ["tos"], "training": { "rounds": 0 } }
        """, new[] { "--train", "fashion-mnist" }, "training.rounds")]
    [InlineData("tradefl", """
        { "simulation": { "seed": 7 }, "gamma": 5e-9, "schemes": ["tos"], "training": { "rounds": 2 } }
        """, new string[0], "training: real training needs --train")]
    public void BadTrainingInputExitsWithCode2AndNamesTheField(string mechanism, string json, string[] extra, string expected)
    {
        var (code, output, error) = Run(mechanism, Write("bad.json", json), extra);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void TradeflTrainsTheGlobalModelOfEachSchemeAndWritesItsCurves()
    {
        string input = Write("tradefl-train.json", """
            { "simulation": { "seed": 7 }, "gamma": 5e-9, "schemes": ["tos", "wpr"],
              "training": { "imagesPerSample": 0.02, "rounds": 2, "testImages": 200 } }
            """);
        string csv = Path.Combine(_directory, "trained.csv");
        string charts = Path.Combine(_directory, "trained-charts");
        var (code, output, error) = Run("tradefl", input, "--train", "fashion-mnist", "--csv", csv, "--charts", charts);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var models = json.RootElement.GetProperty("trainedModels").EnumerateArray().ToArray();
        Assert.Equal(["TOS", "WPR"], models.Select(m => m.GetProperty("scheme").GetString()));
        // TOS contributes every image, WPR (no redistribution) fewer: the data the mechanism elicits reaches training.
        Assert.True(models[0].GetProperty("contributedImages").GetInt32() > models[1].GetProperty("contributedImages").GetInt32());
        Assert.Equal(1 + (2 * 3), File.ReadAllLines(csv).Length); // header + 2 schemes × rounds 0..2
        Assert.True(File.Exists(Path.Combine(charts, "tradefl-trained-final-accuracy.svg")));
    }

    [Fact]
    public void TradeflChartsAreWrittenIntoTheChartsFolder()
    {
        string input = Write("sweep.json", """
            { "simulation": { "seed": 3, "organizations": 4 }, "gamma": 5e-9, "schemes": ["dbr", "wpr"],
              "sweep": { "gammas": [0, 5e-9, 1e-7] } }
            """);
        string charts = Path.Combine(_directory, "charts");

        var (code, _, error) = Run("tradefl", input, "--csv", Path.Combine(_directory, "sweep.csv"), "--charts", charts, "--out", Path.Combine(_directory, "out.json"));

        Assert.True(code == 0, error);
        string[] names = ["tradefl-welfare.svg", "tradefl-damage.svg", "tradefl-data.svg"];
        foreach (string name in names)
        {
            string svg = File.ReadAllText(Path.Combine(charts, name));
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            Assert.Contains(">DBR<", svg, StringComparison.Ordinal);
            Assert.Contains(">WPR<", svg, StringComparison.Ordinal);
        }

        Assert.Equal(names.Order(), Directory.GetFiles(charts).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void ChartsWithoutASweepExitWithCode2()
    {
        string input = Write("plain.json", """{ "simulation": { "seed": 3, "organizations": 3 }, "gamma": 5e-9, "schemes": ["dbr"] }""");
        var (code, _, error) = Run("tradefl", input, "--charts", Path.Combine(_directory, "charts"));
        Assert.Equal(2, code);
        Assert.Contains("--charts", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(string mechanism, string input, params string[] extra)
    {
        string[] args = ["mechanism", mechanism, "--input", input, .. extra];
        return CommandRunner.Run(args);
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
