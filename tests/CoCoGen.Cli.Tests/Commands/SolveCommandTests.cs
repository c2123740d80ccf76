using System.Text.Json;

namespace CoCoGen.Cli.Tests.Commands;

public class SolveCommandTests
{
    [Fact]
    public void Json_output_has_the_contract_fields_and_reproduces_the_vector()
    {
        (int code, string output, string error) = CommandRunner.Run(
            "solve", "--scenario", CommandRunner.Data("Vectors", "separable-performance-4.json"), "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        foreach (string field in new[] { "g", "utilities", "transfers", "socialWelfare", "budgetResidual", "organizations", "certificate", "socialOptimum" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        Assert.Equal(4, root.GetProperty("g").GetArrayLength());
        Assert.Equal(1326.0841718492138, root.GetProperty("g")[3].GetDouble(), 6);
        Assert.Equal(7189.457946123687, root.GetProperty("socialWelfare").GetDouble(), 6);
        Assert.True(root.GetProperty("certificate").GetProperty("holds").GetBoolean());
        JsonElement org4 = root.GetProperty("organizations")[3];
        Assert.Equal("org4", org4.GetProperty("id").GetString());
        Assert.Equal("interior", org4.GetProperty("kkt").GetString());
        foreach (string field in new[] { "revenue", "cost", "contribution", "competitionLoss", "transfer", "utility", "individuallyRational", "deviationGain" })
        {
            Assert.True(org4.TryGetProperty(field, out _), $"missing organizations[].{field}");
        }
    }

    [Fact]
    public void Table_output_lists_every_organization_and_the_certificate()
    {
        (int code, string output, _) = CommandRunner.Run("solve", "--scenario", CommandRunner.Data("Examples", "fashion-mnist-10.json"), "--participation");
        Assert.Equal(0, code);
        Assert.Contains("org10", output, StringComparison.Ordinal);
        Assert.Contains("Nash certificate: holds", output, StringComparison.Ordinal);
        Assert.Contains("price of anarchy", output, StringComparison.Ordinal);
        Assert.Contains("participation: stayed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_scenario_exits_2_with_the_validation_message_on_stderr()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cocogen-bad-{Guid.NewGuid():N}.json");
        string text = File.ReadAllText(CommandRunner.Data("Vectors", "separable-data-4.json"))
            .Replace("\"localSamples\": 4222.0", "\"localSamples\": -4222.0", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        try
        {
            (int code, string output, string error) = CommandRunner.Run("solve", "--scenario", path, "--json");
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("organizations[1] (id \"org2\").localSamples must be positive", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unparseable_command_line_exits_2_naming_the_token()
    {
        (int code, string output, string error) = CommandRunner.Run("solve", "--scenario", "x.json", "--no-such-option");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_and_unknown_solver_exit_2()
    {
        Assert.Equal(2, CommandRunner.Run("solve", "--scenario", "does-not-exist.json").ExitCode);
        (int code, _, string error) = CommandRunner.Run(
            "solve", "--scenario", CommandRunner.Data("Vectors", "separable-data-4.json"), "--solver", "simplex");
        Assert.Equal(2, code);
        Assert.Contains("--solver must be", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_scenario_option_exits_2_naming_it()
    {
        (int code, string output, string error) = CommandRunner.Run("solve", "--json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--scenario is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_solver_can_be_requested_and_fixed_point_is_refused_for_separable()
    {
        string vector = CommandRunner.Data("Vectors", "separable-data-4.json");
        Assert.Equal(0, CommandRunner.Run("solve", "--scenario", vector, "--solver", "potential", "--json").ExitCode);
        Assert.Equal(0, CommandRunner.Run("solve", "--scenario", vector, "--solver", "best-response", "--json").ExitCode);
        Assert.Equal(2, CommandRunner.Run("solve", "--scenario", vector, "--solver", "fixed-point").ExitCode);
    }
}
