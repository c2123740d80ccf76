using CoCoGen.Federation.Adapters.Transport;
using System.CommandLine;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Cli.Invocation;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// Hosting shared by the federation commands: configuration from defaults, an optional JSON file and
/// command-line overrides; console logs on stderr; configuration errors as one line per key, checked before the
/// host starts (exit code 2), never a host's stack trace.
/// </summary>
internal static class CocogenHost
{
    /// <summary>Exit code of a configuration the run refuses.</summary>
    public const int BadConfiguration = ExitCodes.BadInput;

    /// <summary>Exit code of a run that failed after starting.</summary>
    public const int Failed = ExitCodes.Fault;

    /// <summary>The configuration sections and the options type each binds to.</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } = new Dictionary<string, Type>
    {
        [ProtocolOptions.Section] = typeof(ProtocolOptions),
        [LearningOptions.Section] = typeof(LearningOptions),
        [MechanismOptions.Section] = typeof(MechanismOptions),
        [ChainOptions.Section] = typeof(ChainOptions),
        [RunOptions.Section] = typeof(RunOptions),
        [ConsortiumOptions.Section] = typeof(ConsortiumOptions),
    };

    /// <summary>The options every federation command shares, each mapped to its configuration key.</summary>
    public static IReadOnlyList<(Option<string> Option, string Key)> SettingOptions { get; } =
    [
        (new Option<string>("--out") { Description = "Run directory (Run:Out)." }, "Run:Out"),
        (new Option<string>("--rounds") { Description = "Training rounds (Protocol:Rounds)." }, "Protocol:Rounds"),
        (new Option<string>("--organizations") { Description = "Number of organizations (Learning:Organizations)." }, "Learning:Organizations"),
        (new Option<string>("--alpha") { Description = "Dirichlet α of the label split (Learning:Alpha)." }, "Learning:Alpha"),
        (new Option<string>("--rho") { Description = "Mean competitive intensity ρ̄ (Mechanism:RhoBar)." }, "Mechanism:RhoBar"),
        (new Option<string>("--mechanism") { Description = "cocogen+ | vcfl | wco | wdg | radg | madg | mshap (Mechanism:Rule)." }, "Mechanism:Rule"),
        (new Option<string>("--dataset") { Description = "fashion-mnist | cifar10 (Learning:Corpus)." }, "Learning:Corpus"),
        (new Option<string>("--data-dir") { Description = "Dataset location: IDX folder, CIFAR-10 binary folder or JPEG zip (Learning:Dataset)." }, "Learning:Dataset"),
        (new Option<string>("--seed") { Description = "Seed of every random choice (Learning:Seed)." }, "Learning:Seed"),
        (new Option<string>("--backend") { Description = "native | torch: where this process trains (Learning:Backend)." }, "Learning:Backend"),
        (new Option<string>("--device") { Description = "cpu | cuda (torch backend with a CUDA LibTorch) (Learning:Device)." }, "Learning:Device"),
        (new Option<string>("--train-samples") { Description = "Training samples used, 0 = all (Learning:TrainSamples)." }, "Learning:TrainSamples"),
        (new Option<string>("--test-samples") { Description = "Test samples evaluated, 0 = all (Learning:TestSamples)." }, "Learning:TestSamples"),
        (new Option<string>("--rpc-url") { Description = "Ethereum JSON-RPC endpoint (Chain:RpcUrl); none: the local chain (cocogen chain up)." }, "Chain:RpcUrl"),
        (new Option<string>("--chain-dir") { Description = "Folder of the local chain (Chain:LocalDirectory)." }, "Chain:LocalDirectory"),
        (new Option<string>("--chain-port") { Description = "Port of the local chain (Chain:LocalPort)." }, "Chain:LocalPort"),
        (new Option<string>("--chain-id") { Description = "Chain id the endpoint must report (Chain:ChainId)." }, "Chain:ChainId"),
    ];

    /// <summary>--set KEY=VALUE (repeatable): any configuration key, e.g. Protocol:StragglerTimeoutSeconds=60.</summary>
    public static Option<string[]> SetOption { get; } = new("--set") { Description = "Set any configuration key: --set Section:Key=value (repeatable; overrides --config).", AllowMultipleArgumentsPerToken = false };

    /// <summary>--config F.</summary>
    public static Option<string> ConfigOption { get; } = new("--config") { Description = "JSON configuration file (sections Protocol, Learning, Mechanism, Chain, Run)." };

    /// <summary>--verbose.</summary>
    public static Option<bool> VerboseOption { get; } = new("--verbose") { Description = "Log every step (Information) to stderr, and stack traces of faults.", Recursive = true };

    /// <summary>Adds the shared options to <paramref name="command"/>.</summary>
    public static void AddSettingOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(ConfigOption);
        command.Options.Add(SetOption);
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
        foreach (var assignment in parse.GetValue(SetOption) ?? [])
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !assignment.AsSpan(0, equals).Contains(':'))
            {
                error.WriteLine($"--set: '{assignment}' is not Section:Key=value");
                return null;
            }

            overrides[assignment[..equals]] = assignment[(equals + 1)..];
        }

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
            error.WriteLine($"--config: {parse.GetValue(ConfigOption)}: not a JSON object of sections ({ex.InnerException?.Message ?? ex.Message})");
            return null;
        }

        var problems = ConfigurationProblems.Find(configuration, Sections, ["Logging"]);
        foreach (var problem in problems)
        {
            error.WriteLine($"configuration: {problem}");
        }

        return problems.Count == 0 ? configuration : null;
    }

    /// <summary>
    /// Every option section's validation failure, one line each (empty when the configuration is valid). Run
    /// before the host starts, so a bad value never reaches a service or the host's own error log.
    /// </summary>
    public static IReadOnlyList<string> ValidationFailures(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var failures = new List<string>();
        void Check<T>()
            where T : class
        {
            try
            {
                _ = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<T>>().Value;
            }
            catch (Exception ex) when (OptionsErrors.Describe(ex) is { } lines)
            {
                failures.AddRange(lines);
            }
        }

        Check<ProtocolOptions>();
        Check<LearningOptions>();
        Check<MechanismOptions>();
        Check<ChainOptions>();
        Check<RunOptions>();

        // The roster is judged against the run's size, so only once the other sections are sound.
        if (failures.Count == 0)
        {
            Check<ConsortiumOptions>();
        }

        return failures;
    }

    /// <summary>Writes <see cref="ValidationFailures"/> of <paramref name="services"/>; true when there were any.</summary>
    public static bool ReportValidationFailures(IServiceProvider services, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var failures = ValidationFailures(services);
        foreach (var failure in failures)
        {
            error.WriteLine($"configuration: {failure}");
        }

        return failures.Count > 0;
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

        // The host logs a failed start with its stack trace; the command reports the failure itself, in one line.
        logging.AddFilter("Microsoft.Extensions.Hosting", verbose ? LogLevel.Warning : LogLevel.None);
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
