using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Adapters.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// `cocogen coordinator`: runs the rounds over the roster's organizations, which join through the gRPC service, then
/// tells them the run is over and stops the host.
/// </summary>
public sealed partial class CoordinatorService(
    FederationSettings settings,
    CoordinatorHub hub,
    ChainConnection connection,
    RunOutcome outcome,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<CoordinatorService>();

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogWaiting(_logger, settings.Learning.Organizations);

            // Organization processes train on their own machines: all of them at once.
            settings.Protocol.MaxParallelOrganizations = Math.Max(settings.Protocol.MaxParallelOrganizations, settings.Learning.Organizations);
            var (test, pool) = ImageFederationData.LoadCoordinator(settings.Learning);
            var directory = FederationGraph.PrepareDirectory(settings);
            var coordinator = FederationGraph.Coordinator(settings, hub.Channels, connection, test, pool, directory, loggers);
            outcome.Summary = await coordinator.RunAsync(settings.Run.Resume, progress: null, stoppingToken).ConfigureAwait(false);
            RunReport.Write(directory, outcome.Summary.Rounds, settings, audit: null);
            await hub.FinishAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome.Failure = ex;
            LogFailed(_logger, ex.Message);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Coordinator waiting for {Organizations} organizations to join")]
    private static partial void LogWaiting(ILogger logger, int organizations);

    [LoggerMessage(Level = LogLevel.Error, Message = "Coordinator failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
