using CoCoGen.Chain.Hosting;

namespace CoCoGen.Cli.Tests.Commands;

public sealed class FitScalingCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cocogen-fit-scaling-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Refit_rewrites_a_recorded_measurement_with_its_fits_and_chart()
    {
        var recorded = Path.Combine(RepositoryRoot.Find(), "calibration", "test-loss", "fashion-mnist-alpha-0.5.json");
        var output = Path.Combine(_directory, "refit.json");

        var (code, stdout, stderr) = CommandRunner.Run("fit-scaling", "--refit", recorded, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("\"rSquaredSeedMeans\"", stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(recorded), File.ReadAllText(output));
        Assert.Contains("pooled fit", File.ReadAllText(Path.ChangeExtension(output, ".svg")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dataset", "imagenet", "--alpha", "0.5")]
    [InlineData("--refit", "/nonexistent/calibration.json")]
    [InlineData("--alpha", "0.5")]
    [InlineData("--epochs", "2", "--steps", "50", "--dataset", "fashion-mnist", "--alpha", "0.5")]
    [InlineData("--epochs", "-1", "--dataset", "fashion-mnist", "--alpha", "0.5")]
    [InlineData("--epochs", "5000", "--dataset", "fashion-mnist", "--alpha", "0.5")]
    public void Bad_input_is_one_line_naming_the_option_and_exit_2(params string[] arguments)
    {
        var (code, _, stderr) = CommandRunner.Run(["fit-scaling", "--out", Path.Combine(_directory, "x.json"), .. arguments]);

        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(arguments[0] == "--alpha" ? "--dataset" : arguments[0], stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
