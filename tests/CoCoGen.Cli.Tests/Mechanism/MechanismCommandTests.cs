using CoCoGen.Cli.Tests.Commands;
using System.Text.Json;
using CoCoGen.Cli;

namespace CoCoGen.Cli.Tests.Mechanism;

public sealed class MechanismCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cocogen-mechanism-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MshapOnExample4FindsTheEquilibriumAndABalancedSettlementVector()
    {
        var (code, output, _) = Run("mshap", Example("mshap-example4.json"));
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var shap = json.RootElement.GetProperty("results")[0];
        Assert.Equal("M^Shap", shap.GetProperty("mechanism").GetString());
        var samples = shap.GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(3.0, samples[0], 2);
        Assert.Equal(1.17, samples[1], 2);
        var payments = shap.GetProperty("payments").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(0, payments.Sum(), 12);
        Assert.Equal(1.0, shap.GetProperty("reciprocity").GetDouble(), 9);
        var shaping = json.RootElement.GetProperty("results")[2];
        Assert.Equal(0.9, shaping.GetProperty("reciprocity").GetDouble(), 1);

        var protocol = json.RootElement.GetProperty("fedBrShap");
        var final = protocol.GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(3.0, final[0], 1);
        Assert.Equal(1.17, final[1], 1);
        Assert.True(protocol.GetProperty("largestStagePaymentSum").GetDouble() < 1e-12);
        var lastStage = protocol.GetProperty("stages")[399].GetProperty("payments").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(payments[0], lastStage[0], 2); // a stage's payments approach the static M^Shap payments
    }

    [Fact]
    public void TradeflOnExplicitOrganizationsReportsEveryScheme()
    {
        var (code, output, _) = Run("tradefl", Example("tradefl-explicit.json"));
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var outcomes = json.RootElement.GetProperty("outcomes");
        Assert.Equal(6, outcomes.GetArrayLength());
        foreach (var o in outcomes.EnumerateArray())
        {
            Assert.True(Math.Abs(o.GetProperty("budgetResidual").GetDouble()) < 1e-9);
        }

        var dbr = outcomes[0];
        Assert.Equal("DBR", dbr.GetProperty("scheme").GetString());
        Assert.True(dbr.GetProperty("individuallyRational").GetBoolean());
        Assert.All(dbr.GetProperty("strategies").EnumerateArray(), s => Assert.True(s.GetProperty("meetsDeadline").GetBoolean()));
        Assert.Equal(outcomes[1].GetProperty("potential").GetDouble(), dbr.GetProperty("potential").GetDouble(), 9);
    }

    [Fact]
    public void TradeflSweepWritesCsvAndJsonToFiles()
    {
        string input = Write("sweep.json", """
            { "simulation": { "seed": 3, "organizations": 4 }, "gamma": 5e-9, "schemes": ["dbr", "wpr"],
              "sweep": { "gammas": [0, 5e-9, 1e-7] } }
            """);
        string csv = Path.Combine(_directory, "sweep.csv");
        string result = Path.Combine(_directory, "out.json");
        var (code, output, _) = Run("tradefl", input, "--csv", csv, "--out", result);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output.Trim());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("gamma,competitionMean,scheme,socialWelfare,totalDamage,totalDataFraction,potential", lines[0]);
        Assert.Equal(1 + 6, lines.Length);
        using var json = JsonDocument.Parse(File.ReadAllText(result));
        Assert.Equal(6, json.RootElement.GetProperty("sweep").GetArrayLength());
    }

    [Fact]
    public void DfclReportsMonotoneRevenuesForTheDefectionFreeScheme()
    {
        var (code, output, _) = Run("dfcl", Example("dfcl-synthetic.json"));
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.GetProperty("results");
        Assert.True(results[0].GetProperty("revenuesNeverDecreased").GetBoolean());
        Assert.False(results[2].GetProperty("revenuesNeverDecreased").GetBoolean());
        Assert.Equal(results[0].GetProperty("nashLowQuality").GetDouble(), results[0].GetProperty("final").GetProperty("lowQuality").GetDouble(), 6);
    }

    [Theory]
    [InlineData("tradefl", """{ "organizations": [ { "id": "a", "dataBits": 2e10, "samples": 1000, "profitability": 1000, "cyclesPerBit": 20, "frequenciesHz": [3e9], "downloadSeconds": 5, "uploadSeconds": 5 }, { "id": "b", "dataBits": 2e10, "samples": 1000, "cyclesPerBit": 20, "frequenciesHz": [3e9], "downloadSeconds": 5, "uploadSeconds": 5 } ], "competition": [[0, 0.01], [0.01, 0]], "parameters": { "energyWeight": 0.001, "deadlineSeconds": 110, "minDataFraction": 0.1 }, "gamma": 1e-9 }""", "organizations[1].profitability")]
    [InlineData("tradefl", """{ "simulation": { "seed": 1, "organisations": 4 }, "gamma": 1e-9 }""", "simulation.organisations: unknown field")]
    [InlineData("tradefl", """{ "simulation": { "seed": 1 }, "gamma": -1 }""", "gamma")]
    [InlineData("tradefl", """{ "simulation": { "seed": 1 }, "gamma": 1e-9, "schemes": ["dbr", "best"] }""", "schemes[1]")]
    [InlineData("tradefl", """{ "simulation": { "seed": 1 }, "gamma": 1e-9, "schemes": ["1"] }""", "schemes[0]")]
    [InlineData("mshap", """{ "accuracy": { "kind": "powerLaw", "alpha": 1, "beta": 1 }, "agents": [ { "costPerSample": 0.1, "maxSamples": 10 }, { "costPerSample": "cheap", "maxSamples": 10 } ], "dynamics": { "stepSize": 1 } }""", "agents[1].costPerSample")]
    [InlineData("mshap", """{ "accuracy": { "kind": "powerLaw", "alpha": 1, "beta": 2 }, "agents": [ { "costPerSample": 0.1, "maxSamples": 10 } ], "dynamics": { "stepSize": 1 } }""", "beta")]
    [InlineData("mshap", """{ "accuracy": { "kind": "grouped", "weights": [[1e-3]] }, "agents": [ { "costPerSample": 0.1, "maxSamples": 10 } ], "dynamics": { "stepSize": 1 } }""", "agents[0].group")]
    [InlineData("dfcl", """{ "training": { "kind": "quadratic", "optimumLow": [1, 0], "optimumHigh": [0, 1], "curvature": 0.4, "initialLow": [1.433, 1.433], "initialHigh": [-0.822, -0.822] } }""", "initialLow, initialHigh")]
    [InlineData("dfcl", """{ "training": { "kind": "quadratic" }, "rounds": 10 }""", "training.optimumLow: required")]
    [InlineData("dfcl", """{ "training": [1, 2] }""", "training: expected a JSON object")]
    [InlineData("dfcl", """{ "training": """, "not valid JSON")]
    public void BadInputExitsWithCode2AndNamesTheField(string mechanism, string json, string expected)
    {
        var (code, output, error) = Run(mechanism, Write("bad.json", json));
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void AMissingInputFileExitsWithCode2()
    {
        var (code, _, error) = Run("dfcl", Path.Combine(_directory, "absent.json"));
        Assert.Equal(2, code);
        Assert.Contains("--input", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(string mechanism, string input, params string[] extra)
    {
        string[] args = ["mechanism", mechanism, "--input", input, .. extra];
        return CommandRunner.Run(args);
    }

    private static string Example(string name) =>
        Path.Combine(CoCoGen.Chain.Hosting.RepositoryRoot.Find(), "examples", "mechanisms", name);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
