using CoCoGen.Chain.Hosting;
using CoCoGen.Federation.Audit;
using CoCoGen.Federation.Ledger;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoCoGen.Federation.Hosting;

/// <summary>
/// `cocogen run`, the one-process shape: the coordinator and every organization in this host, a local
/// Hardhat node started (and stopped on exit) when no RPC URL is configured, then the report.
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

    /// <summary>The settings this run uses.</summary>
    public FederationSettings Settings { get; } = FederationSettings.From(protocol, learning, mechanism, chain, run);

    /// <summary>Runs every round, writes the model and the report; returns the summary.</summary>
    public async Task<RunSummary> RunAsync(IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var settings = Settings;
        if (settings.Run.Resume && string.IsNullOrWhiteSpace(settings.Chain.RpcUrl))
        {
            throw new InvalidOperationException("Run:Resume needs Chain:RpcUrl: the run's contract lives on that chain, and a node started by the run does not outlive it");
        }

        HardhatNode? node = null;
        try
        {
            Uri endpoint;
            if (string.IsNullOrWhiteSpace(settings.Chain.RpcUrl))
            {
                var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Chain.Hardhat))!, "..", ".."));
                node = await HardhatNode.StartAsync(new HardhatNodeOptions { ChainId = settings.Chain.ChainId, RepositoryRoot = root }, loggers.CreateLogger<HardhatNode>(), cancellationToken)
                    .ConfigureAwait(false);
                endpoint = node.Endpoint;
                LogNodeStarted(_logger, endpoint);
            }
            else
            {
                endpoint = new Uri(settings.Chain.RpcUrl);
            }

            using var connection = CoordinatorAssembly.Connect(settings, endpoint, CoordinatorAssembly.LocalDemoKeys(settings), loggers);
            var data = ImageFederationData.Load(settings.Learning);
            var hasher = new ChainSettlementArithmetic();
            var channels = Enumerable.Range(0, settings.Learning.Organizations).Select(i => (IOrganizationChannel)new InProcessOrganizationChannel(new OrganizationAgent(
                CoordinatorAssembly.OrganizationId(i),
                new ImageOrganizationLearner(data.Shard(i), i, settings.Learning),
                new ChainMemberAccount(connection, i),
                hasher,
                loggers.CreateLogger<OrganizationAgent>()))).ToArray();
            var directory = CoordinatorAssembly.PrepareDirectory(settings);
            var coordinator = CoordinatorAssembly.Create(settings, channels, connection, data.Test, directory, loggers);
            var summary = await coordinator.RunAsync(settings.Run.Resume, progress, cancellationToken).ConfigureAwait(false);
            RunReport.Write(directory, summary.Rounds, settings);

            // A node started by the run disappears with it, so the run audits itself while the chain is up.
            var audit = await new SettlementAuditor(connection).AuditAsync(directory, cancellationToken).ConfigureAwait(false);
            RunDirectory.WriteJson(directory.AuditFile, audit);
            LogAudit(_logger, audit.RoundsChecked, audit.Checks, audit.Violations.Count);
            return audit.Passed
                ? summary
                : throw new InvalidOperationException($"the chain disagrees with the run record: {string.Join("; ", audit.Violations)}");
        }
        finally
        {
            if (node is not null)
            {
                await node.DisposeAsync().ConfigureAwait(false);
                LogNodeStopped(_logger);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Started a local Hardhat node at {Endpoint}")]
    private static partial void LogNodeStarted(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {Rounds} rounds, {Checks} checks against the chain, {Violations} violations")]
    private static partial void LogAudit(ILogger logger, int rounds, int checks, int violations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped the local Hardhat node")]
    private static partial void LogNodeStopped(ILogger logger);
}
