using System.CommandLine;
using CoCoGen.Federation.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// Hosting shared by the federation commands: configuration from defaults, an optional JSON file and
/// command-line overrides; console logs on stderr; readable configuration errors (exit code 2).
/// </summary>
internal static class CocogenHost
{
    /// <summary>Exit code of a configuration the run refuses.</summary>
    public const int BadConfiguration = 2;

    /// <summary>Exit code of a run that failed after starting.</summary>
    public const int Failed = 1;

    /// <summary>The options every federation command shares, each mapped to its configuration key.</summary>
    public static IReadOnlyList<(Option<string> Option, string Key)> SettingOptions { get; } =
    [
        (new Option<string>("--out") { Description = "Run directory (Run:Out)." }, "Run:Out"),
        (new Option<string>("--rounds") { Description = "Training rounds (Protocol:Rounds)." }, "Protocol:Rounds"),
        (new Option<string>("--organizations") { Description = "Number of organizations (Learning:Organizations)." }, "Learning:Organizations"),
        (new Option<string>("--alpha") { Description = "Dirichlet α of the label split (Learning:Alpha)." }, "Learning:Alpha"),
        (new Option<string>("--rho") { Description = "Mean competitive intensity ρ̄ (Mechanism:RhoBar)." }, "Mechanism:RhoBar"),
        (new Option<string>("--mechanism") { Description = "cocogen+ | vcfl | wco | wdg | radg | madg (Mechanism:Rule)." }, "Mechanism:Rule"),
        (new Option<string>("--seed") { Description = "Seed of every random choice (Learning:Seed)." }, "Learning:Seed"),
        (new Option<string>("--backend") { Description = "native | torch: where this process trains (Learning:Backend)." }, "Learning:Backend"),
        (new Option<string>("--device") { Description = "cpu | cuda (torch backend with a CUDA LibTorch) (Learning:Device)." }, "Learning:Device"),
        (new Option<string>("--train-samples") { Description = "Training samples used, 0 = all (Learning:TrainSamples)." }, "Learning:TrainSamples"),
        (new Option<string>("--test-samples") { Description = "Test samples evaluated, 0 = all (Learning:TestSamples)." }, "Learning:TestSamples"),
        (new Option<string>("--rpc-url") { Description = "Ethereum JSON-RPC endpoint (Chain:RpcUrl); none: a local Hardhat node." }, "Chain:RpcUrl"),
        (new Option<string>("--chain-id") { Description = "Chain id the endpoint must report (Chain:ChainId)." }, "Chain:ChainId"),
    ];

    /// <summary>--config F.</summary>
    public static Option<string> ConfigOption { get; } = new("--config") { Description = "JSON configuration file (sections Protocol, Learning, Mechanism, Chain, Run)." };

    /// <summary>--verbose.</summary>
    public static Option<bool> VerboseOption { get; } = new("--verbose") { Description = "Log every step (Information) to stderr." };

    /// <summary>Adds the shared options to <paramref name="command"/>.</summary>
    public static void AddSettingOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConfigOption);
        command.Options.Add(VerboseOption);
        foreach (var (option, _) in SettingOptions)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Builds the configuration of <paramref name="parse"/>; returns null (after writing why to
    /// <paramref name="error"/>) when the file is missing, malformed or has an unknown section.
    /// </summary>
    public static IConfiguration? Configuration(ParseResult parse, IDictionary<string, string?> extra, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(error);
        var overrides = new Dictionary<string, string?>(extra);
        foreach (var (option, key) in SettingOptions)
        {
            if (parse.GetValue(option) is { } value)
            {
                overrides[key] = value;
            }
        }

        var builder = new ConfigurationBuilder();
        if (parse.GetValue(ConfigOption) is { } file)
        {
            if (!File.Exists(file))
            {
                error.WriteLine($"--config: {file} does not exist");
                return null;
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        IConfiguration configuration;
        try
        {
            configuration = builder.AddInMemoryCollection(overrides).Build();
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine($"--config: {ex.Message} {ex.InnerException?.Message}");
            return null;
        }

        var unknown = FederationOptionsExtensions.UnknownSections(configuration);
        if (unknown.Count > 0)
        {
            error.WriteLine($"configuration: unknown section(s) {string.Join(", ", unknown)}; known: {string.Join(", ", FederationOptionsExtensions.Sections)}");
            return null;
        }

        return configuration;
    }

    /// <summary>A host builder with the options of <paramref name="role"/> bound from <paramref name="configuration"/>.</summary>
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration, ProcessRole role, bool verbose)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);

        AddLogging(builder.Logging, verbose);
        builder.Services.AddCocogenOptions(configuration, role);
        return builder;
    }

    /// <summary>Console logging on stderr: Information with --verbose, else Warning.</summary>
    public static void AddLogging(ILoggingBuilder logging, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
    }

    /// <summary>Writes a configuration failure's lines; false when <paramref name="exception"/> is not one.</summary>
    public static bool TryReportConfigurationError(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var lines = OptionsErrors.Describe(exception);
        if (lines is null)
        {
            return false;
        }

        foreach (var line in lines)
        {
            error.WriteLine($"configuration: {line}");
        }

        return true;
    }
}
