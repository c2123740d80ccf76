using CoCoGen.Cli.Hosting;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoCoGen.Cli.Tests.Hosting;

public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cocogen-config-" + Guid.NewGuid().ToString("N"));

    public ConfigurationValidationTests()
    {
        Directory.CreateDirectory(_root);
        var dataset = Path.Combine(_root, "dataset");
        Directory.CreateDirectory(dataset);
        foreach (var file in LearningOptionsValidator.DatasetFiles)
        {
            File.WriteAllBytes(Path.Combine(dataset, file + ".gz"), []);
        }

        File.WriteAllText(Path.Combine(_root, "calibration.json"), "{}");
    }

    public static TheoryData<string, string, string> BadValues() => new()
    {
        { "Protocol:Rounds", "0", "Protocol:Rounds" },
        { "Protocol:GeneratorSteps", "-1", "Protocol:GeneratorSteps" },
        { "Protocol:StragglerTimeoutSeconds", "0", "Protocol:StragglerTimeoutSeconds" },
        { "Protocol:ReviewTimeoutSeconds", "-5", "Protocol:ReviewTimeoutSeconds" },
        { "Protocol:UpdateNormFactor", "1", "Protocol:UpdateNormFactor" },
        { "Protocol:MaxParallelOrganizations", "0", "Protocol:MaxParallelOrganizations" },
        { "Protocol:BondEther", "-1", "Protocol:BondEther" },
        { "Protocol:WeiPerUnit", "0", "Protocol:WeiPerUnit" },
        { "Protocol:Settlement:ChallengeWindowSeconds", "0", "Protocol:Settlement:ChallengeWindowSeconds" },
        { "Protocol:Settlement:CommitTimeoutSeconds", "0", "Protocol:Settlement:CommitTimeoutSeconds" },
        { "Protocol:Settlement:MinBondEther", "5", "Protocol:Settlement:MinBondEther" },
        { "Protocol:Settlement:AbsenceTimeoutSeconds", "60", "Protocol:Settlement:AbsenceTimeoutSeconds" },
        { "Protocol:BondEther", "10", "Protocol:BondEther" },
        { "Protocol:Rounds", "many", "Rounds" },
        { "Protocol:Rouns", "3", "Rouns" },
        { "Learning:Dataset", "/nonexistent/fashion", "Learning:Dataset" },
        { "Learning:Corpus", "imagenet", "Learning:Corpus" },
        { "Learning:Organizations", "1", "Learning:Organizations" },
        { "Learning:Alpha", "0", "Learning:Alpha" },
        { "Learning:Alpha", "NaN", "Learning:Alpha" },
        { "Learning:Seed", "-3", "Learning:Seed" },
        { "Learning:TrainSamples", "70000", "Learning:TrainSamples" },
        { "Learning:TrainSamples", "15", "Learning:TrainSamples" },
        { "Learning:TestSamples", "-1", "Learning:TestSamples" },
        { "Learning:LocalEpochs", "0", "Learning:LocalEpochs" },
        { "Learning:BatchSize", "0", "Learning:BatchSize" },
        { "Learning:LearningRate", "0", "Learning:LearningRate" },
        { "Learning:Momentum", "1", "Learning:Momentum" },
        { "Learning:GeneratorEpochs", "0", "Learning:GeneratorEpochs" },
        { "Learning:GeneratorLearningRate", "2", "Learning:GeneratorLearningRate" },
        { "Learning:GeneratorSamples", "-1", "Learning:GeneratorSamples" },
        { "Learning:Threads", "65", "Learning:Threads" },
        { "Learning:Backend", "tpu", "Learning:Backend" },
        { "Learning:Device", "cuda", "Learning:Backend" },
        { "Mechanism:Rule", "greedy", "Mechanism:Rule" },
        { "Mechanism:RhoBar", "1.5", "Mechanism:RhoBar" },
        { "Mechanism:GammaShare", "1.2", "Mechanism:GammaShare" },
        { "Mechanism:MaxSynthetic", "-1", "Mechanism:MaxSynthetic" },
        { "Mechanism:Calibration", "/nonexistent/calibration.json", "Mechanism:Calibration" },
        { "Chain:RpcUrl", "ftp://example.org", "Chain:RpcUrl" },
        { "Chain:ChainId", "0", "Chain:ChainId" },
        { "Chain:ChainId", "1", "Chain:MnemonicVariable" },
        { "Chain:MnemonicFile", "/nonexistent/mnemonic.txt", "Chain:MnemonicFile" },
        { "Chain:CoordinatorAccount", "-1", "Chain:CoordinatorAccount" },
        { "Run:Out", "", "Run:Out" },
        { "Run:Resume", "true", "Run:Resume" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_refused_with_a_message_naming_the_field_and_nothing_is_written(string key, string value, string named)
    {
        var settings = Valid();
        settings[key] = value;

        var failures = Validate(settings);

        Assert.NotNull(failures);
        Assert.Contains(failures, f => f.Contains(named, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_root, "run")), "nothing may be written before the configuration is valid");
    }

    [Fact]
    public void The_valid_baseline_passes()
    {
        Assert.Null(Validate(Valid()));
    }

    [Fact]
    public void The_development_mnemonic_is_refused_off_a_development_chain_even_from_a_file()
    {
        var file = Path.Combine(_root, "mnemonic.txt");
        File.WriteAllText(file, MnemonicSource.DevelopmentMnemonic + "\n");

        var error = Assert.Throws<InvalidOperationException>(() => MnemonicSource.Resolve(1, "COCOGEN_TEST_UNSET_VARIABLE", file));

        Assert.Contains("refused on chain 1", error.Message, StringComparison.Ordinal);
        // Hardhat's published account 0 of the development mnemonic.
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", MnemonicSource.Resolve(31337, "COCOGEN_TEST_UNSET_VARIABLE", null).OpenWallet().Key(0).GetPublicAddress());
        Assert.DoesNotContain("test test", MnemonicSource.Resolve(1337, "COCOGEN_TEST_UNSET_VARIABLE", file).ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Dictionary<string, string?> Valid() => new()
    {
        ["Learning:Dataset"] = Path.Combine(_root, "dataset"),
        ["Mechanism:Calibration"] = Path.Combine(_root, "calibration.json"),
        ["Chain:RpcUrl"] = "http://127.0.0.1:8545",
        ["Chain:MnemonicVariable"] = "COCOGEN_TEST_UNSET_VARIABLE",
        ["Run:Out"] = Path.Combine(_root, "run"),
    };

    private static IReadOnlyList<string>? Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
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
