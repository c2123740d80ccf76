using CoCoGen.Chain.Hosting;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Tests.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoCoGen.Cli.Tests.Hosting;

/// <summary>
/// The paper's presets (examples/presets): each loads through the same configuration chain as `cocogen run --config`
/// and carries the paper's settings (batch 16, learning rate 0.01); a model name nobody knows is refused in one line.
/// </summary>
public sealed class PaperPresetTests : IDisposable
{
    private static readonly string Presets = Path.Combine(RepositoryRoot.Find(), "examples", "presets");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cocogen-presets-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _local;

    public PaperPresetTests()
    {
        // Stand-ins for the data the presets leave at their default locations: validation checks only that they are there.
        Directory.CreateDirectory(_root);
        var fashion = Path.Combine(_root, "fashion");
        Directory.CreateDirectory(fashion);
        foreach (var file in CoCoGen.Federation.Adapters.Training.LearningOptionsValidator.DatasetFiles)
        {
            File.WriteAllBytes(Path.Combine(fashion, file + ".gz"), []);
        }

        File.WriteAllBytes(Path.Combine(_root, "cifar10.zip"), []);
        File.WriteAllText(Path.Combine(_root, "calibration.json"), "{}");
        _local = new Dictionary<string, string?>
        {
            ["Mechanism:Calibration"] = Path.Combine(_root, "calibration.json"),
            ["Chain:RpcUrl"] = "http://127.0.0.1:8545",
            ["Chain:MnemonicVariable"] = "COCOGEN_TEST_UNSET_VARIABLE",
            ["Run:Out"] = Path.Combine(_root, "run"),
        };
    }

    [Fact]
    public void The_CIFAR10_MobileNetV2_preset_validates_with_the_papers_settings()
    {
        var configuration = Load("paper-cifar10-mobilenetv2.json", Path.Combine(_root, "cifar10.zip"));

        Assert.Null(Validate(configuration));
        Assert.Equal("cifar10", configuration["Learning:Corpus"]);
        Assert.Equal("mobilenetv2", configuration["Learning:Model"]);
        Assert.Equal("16", configuration["Learning:BatchSize"]);
        Assert.Equal("0.01", configuration["Learning:LearningRate"]);
        Assert.Equal("10", configuration["Learning:Organizations"]);
    }

    [Fact]
    public void The_FashionMNIST_MobileNetV3Small_preset_validates_with_the_papers_settings()
    {
        var configuration = Load("paper-fashion-mnist-mobilenetv3-small.json", Path.Combine(_root, "fashion"));

        Assert.Null(Validate(configuration));
        Assert.Equal("fashion-mnist", configuration["Learning:Corpus"]);
        Assert.Equal("mobilenetv3-small", configuration["Learning:Model"]);
        Assert.Equal("16", configuration["Learning:BatchSize"]);
        Assert.Equal("0.01", configuration["Learning:LearningRate"]);
        Assert.Equal("10", configuration["Learning:Organizations"]);
    }

    [Fact]
    public void An_unknown_model_is_refused_with_one_line_naming_the_key_and_the_allowed_values_and_exit_2()
    {
        var arguments = new List<string> { "run", "--config", Path.Combine(Presets, "paper-cifar10-mobilenetv2.json"), "--set", "Learning:Model=resnet50", "--set", "Learning:Dataset=" + Path.Combine(_root, "cifar10.zip") };
        foreach (var (key, value) in _local)
        {
            arguments.AddRange(["--set", $"{key}={value}"]);
        }

        var (code, _, error) = CommandRunner.Run([.. arguments]);

        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Learning:Model", line, StringComparison.Ordinal);
        Assert.Contains("'resnet50' is not one of lenet5, mobilenetv2, mobilenetv3-small", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "run")), "nothing may be written before the configuration is valid");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IConfigurationRoot Load(string preset, string dataset) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Presets, preset), optional: false, reloadOnChange: false)
        .AddInMemoryCollection(new Dictionary<string, string?>(_local) { ["Learning:Dataset"] = dataset })
        .Build();

    private static IReadOnlyList<string>? Validate(IConfiguration configuration)
    {
        using var provider = new ServiceCollection().AddCocogenOptions(configuration).BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (Exception ex)
        {
            return OptionsErrors.Describe(ex) ?? throw new InvalidOperationException("not a configuration error", ex);
        }
    }
}
