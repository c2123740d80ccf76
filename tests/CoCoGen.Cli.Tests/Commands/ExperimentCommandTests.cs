using System.Globalization;
using CoCoGen.Chain.Hosting;

namespace CoCoGen.Cli.Tests.Commands;

/// <summary>
/// `cocogen experiment --quick` on the real Fashion-MNIST files (Debian's dataset-fashion-mnist, which setup installs):
/// it trains for real, so the test checks properties of what it wrote, never fixed numbers.
/// </summary>
public sealed class ExperimentCommandTests : IDisposable
{
    private const int Cap = 50;
    private readonly string _directory = Directory.CreateTempSubdirectory("cocogen-experiment-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Quick_writes_every_file_and_the_rows_obey_the_rules_and_the_arithmetic()
    {
        var output = Path.Combine(_directory, "quick");

        var (code, _, stderr) = Experiment("--out", output, "--quick");

        Assert.True(code == 0, stderr);
        foreach (var file in new[] { "runs.csv", "organizations.csv", "summary.csv", "findings.md", "alpha-welfare.svg", "rho-welfare.svg", "gamma-welfare.svg" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} was not written");
        }

        var runs = Table(Path.Combine(output, "runs.csv"));
        var organizations = Table(Path.Combine(output, "organizations.csv"));
        Assert.Equal(6, runs.Select(r => r["rule"]).Distinct().Count());
        Assert.Equal(10 * runs.Count, organizations.Count);

        // The rules' decisions: VCFL and WDG generate nothing, MaDG generates G for everyone.
        Assert.All(organizations.Where(o => o["rule"] is "vcfl" or "wdg"), o => Assert.Equal(0, Number(o, "generated")));
        Assert.All(organizations.Where(o => o["rule"] == "madg"), o =>
        {
            Assert.Equal(Cap, Number(o, "decided"), 9);
            Assert.Equal(Cap, Number(o, "generated"));
        });

        // Realised transfers are budget balanced in every run.
        Assert.All(runs, r => Assert.True(Math.Abs(Number(r, "transferSum")) <= 1e-9, $"Σ R = {r["transferSum"]}"));

        // One MaDG run recomputed by hand from the CSV inputs: revenue, cost, competition loss, transfers, welfare.
        var run = runs.First(r => r["rule"] == "madg");
        var members = organizations.Where(o => Same(o, run)).ToArray();
        double rhoHat = Number(run, "scoredRhoHat"), gamma = Number(run, "scoredGamma"), l0 = Number(run, "L0"), loss = Number(run, "testLoss");
        double welfare = 0;
        foreach (var i in members)
        {
            var f = Number(i, "frequencyHz");
            var cost = (Number(run, "omega") * Number(i, "capacitance") * f * f
                * ((Number(run, "cyclesTrain") * Number(i, "trained")) + (Number(run, "cyclesGenerate") * Number(i, "generated")))) + Number(run, "fee");
            var competition = members.Sum(j => rhoHat * Number(j, "rivalRate") * (Number(i, "contribution") - Number(j, "contribution")));
            var transfer = members.Sum(j => gamma * rhoHat * (Number(i, "contribution") - Number(j, "contribution")));
            var revenue = Number(i, "valuation") * (l0 - loss);
            Assert.Equal(revenue, Number(i, "revenue"), 1e-9);
            Assert.Equal(cost, Number(i, "cost"), 1e-9 * cost);
            Assert.Equal(competition, Number(i, "competitionLoss"), 1e-9);
            Assert.Equal(transfer, Number(i, "transfer"), 1e-9);
            Assert.Equal(Number(i, "localSamples") + Cap, Number(i, "trained"));
            welfare += revenue - cost - competition + transfer;
        }

        Assert.Equal(welfare, Number(run, "realisedWelfare"), 1e-6);
        Assert.Contains("| 1 | CoCoGen+ achieves the highest social welfare", File.ReadAllText(Path.Combine(output, "findings.md")), StringComparison.Ordinal);
        Assert.Contains("class=\"band\"", File.ReadAllText(Path.Combine(output, "alpha-welfare.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_command_writes_the_same_csv_bytes()
    {
        string[] small = ["--quick", "--alphas", "0.5", "--rho-bars", "", "--gamma-shares", ""];
        var first = Path.Combine(_directory, "first");
        var second = Path.Combine(_directory, "second");

        var (code1, _, stderr1) = Experiment(["--out", first, .. small]);
        var (code2, _, stderr2) = Experiment(["--out", second, .. small]);

        Assert.True(code1 == 0, stderr1);
        Assert.True(code2 == 0, stderr2);
        foreach (var file in new[] { "runs.csv", "organizations.csv", "summary.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    [Theory]
    [InlineData("--rules", "cocogen+,fedsgd", "--rules")]
    [InlineData("--alphas", "0", "--alphas")]
    [InlineData("--alphas", "", "--alphas")]
    [InlineData("--rho-bars", "1.5", "--rho-bars")]
    [InlineData("--gamma-shares", "2", "--gamma-shares")]
    [InlineData("--seeds", "0", "--seeds")]
    [InlineData("--first-seed", "2147483647", "--first-seed")]
    [InlineData("--calibration", "/proc", "--calibration")]
    public void Bad_input_is_one_line_naming_the_option_and_exit_2(string option, string value, string named)
    {
        var (code, _, stderr) = Experiment("--out", Path.Combine(_directory, "bad"), "--quick", option, value);

        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "bad", "runs.csv")));
    }

    private static (int Code, string Output, string Error) Experiment(params string[] arguments) =>
        CommandRunner.Run(["experiment", "--calibration", Path.Combine(RepositoryRoot.Find(), "calibration"), .. arguments]);

    private static bool Same(Dictionary<string, string> organization, Dictionary<string, string> run) =>
        new[] { "alpha", "rhoBar", "gammaShare", "rule", "seed" }.All(k => organization[k] == run[k]);

    private static double Number(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> Table(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Fields(lines[0]);
        return [.. lines.Skip(1).Select(line => header.Zip(Fields(line)).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    // Fields of one CSV line; a quoted field may hold commas.
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
