using CoCoGen.Chain.Hosting;
using CoCoGen.Cli.Invocation;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// `cocogen run`, the one-process shape: the coordinator and every organization in this host, settling on the
/// configured chain or else on the local chain (started if it is down, and left running: it outlives the run so
/// the run can be audited and resumed later), then the report and the audit.
/// </summary>
public sealed partial class RunWorkflow(
    IOptions<ProtocolOptions> protocol,
    IOptions<LearningOptions> learning,
    IOptions<MechanismOptions> mechanism,
    IOptions<ChainOptions> chain,
    IOptions<RunOptions> run,
    ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<RunWorkflow>();

    /// <summary>The settings this run uses; after <see cref="RunAsync"/> starts, bound to the chain it settles on.</summary>
    public FederationSettings Settings { get; private set; } = FederationSettings.From(protocol, learning, mechanism, chain, run);

    /// <summary>Runs every round, writes the model, the report and the audit.</summary>
    /// <exception cref="OperationCanceledException">The run was stopped; its checkpoint says where it stands.</exception>
    public async Task<RunResult> RunAsync(IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var endpoint = await BindChainAsync(cancellationToken).ConfigureAwait(false);
        var settings = Settings;

        using var connection = FederationGraph.Connect(settings, endpoint, FederationGraph.LocalDemoKeys(settings), loggers);
        var data = ImageFederationData.Load(settings.Learning);
        var directory = FederationGraph.PrepareDirectory(settings);

        // Each organization reads the bundle from the run directory and recomputes it with a meter of its own.
        var roster = FederationGraph.LocalRoster(settings, data, connection);
        var bundle = new RunDirectoryBundleReader(directory);
        var channels = Enumerable.Range(0, settings.Learning.Organizations)
            .Select(i => (IOrganizationChannel)new InProcessOrganizationChannel(FederationGraph.Organization(
                settings, data, i, connection, FederationGraph.Verifier(settings, bundle, data.Pool, connection, roster, loggers), loggers)))
            .ToArray();
        var coordinator = FederationGraph.Coordinator(settings, channels, connection, data.Test, data.Pool, directory, loggers);
        var summary = await coordinator.RunAsync(settings.Run.Resume, progress, cancellationToken).ConfigureAwait(false);

        // Audited first, so the report shows the verdict, what was checked and the terms read from the chain.
        progress?.Report(new RunProgress("audit", 0, 1, "auditing every settled round against the chain"));
        var audit = (await FederationGraph.Auditor(connection).AuditAsync(directory, cancellationToken).ConfigureAwait(false))
            .With([], [AuditReport.RecomputationNotRequested]);
        RunDirectory.WriteJson(directory.AuditFile, audit);
        RunReport.Write(directory, summary.Rounds, settings, audit);
        LogAudit(_logger, audit.RoundsChecked, audit.Checks.Count, audit.Violations.Count);
        return new RunResult(summary, audit, endpoint);
    }

    // A resumed run continues with the settings its config.json recorded (rounds, data, seed, rule, chain), whatever
    // else the resuming command line says: a run is one run. A new one settles on Chain:RpcUrl, else the local chain.
    private async Task<Uri> BindChainAsync(CancellationToken cancellationToken)
    {
        var recorded = new RunDirectory(Settings.Run.Out);
        if (Settings.Run.Resume && File.Exists(recorded.ConfigFile))
        {
            Settings = RunDirectory.ReadJson<FederationSettings>(recorded.ConfigFile) with { Run = Settings.Run };
        }

        var chain = Settings.Chain;

        if (!string.IsNullOrWhiteSpace(chain.RpcUrl) && string.IsNullOrWhiteSpace(chain.LocalDirectory))
        {
            Settings = Settings with { Chain = chain };
            return new Uri(chain.RpcUrl);
        }

        var local = chain.LocalChain();
        try
        {
            Directory.CreateDirectory(local.Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandInputException($"Chain:LocalDirectory: cannot keep the local chain in {local.Directory} ({ex.Message})", ex);
        }

        var status = await LocalChain.UpAsync(local, loggers.CreateLogger(typeof(LocalChain)), cancellationToken).ConfigureAwait(false);
        LogLocalChain(_logger, status.Endpoint, local.Directory);
        Settings = Settings with { Chain = chain.BoundToLocalChain(status.Endpoint, local.Directory) };
        return status.Endpoint;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settling on the local chain at {Endpoint} (state in {Directory}); it keeps running after the run")]
    private static partial void LogLocalChain(ILogger logger, Uri endpoint, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {Rounds} rounds, {Checks} checks against the chain, {Violations} violations")]
    private static partial void LogAudit(ILogger logger, int rounds, int checks, int violations);
}
