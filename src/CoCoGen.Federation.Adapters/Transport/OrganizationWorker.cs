using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// An organization process: joins the coordinator, then polls for work and does it with its own
/// agent (its data and its key stay in this process) until the coordinator says the run is over.
/// </summary>
public sealed partial class OrganizationWorker(
    OrganizationAgent agent,
    CoordinatorClient coordinator,
    IHostApplicationLifetime lifetime,
    ILogger<OrganizationWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(20);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await JoinAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            WorkItem? work;
            try
            {
                work = await coordinator.NextWorkAsync(agent.Id, PollWait, stoppingToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                LogCoordinatorUnreachable(logger, agent.Id, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (work is null)
            {
                continue;
            }

            if (work.Kind == WorkKind.Done)
            {
                LogDone(logger, agent.Id);
                lifetime.StopApplication();
                return;
            }

            await DoAsync(work, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task JoinAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await coordinator.JoinAsync(agent.Profile, cancellationToken).ConfigureAwait(false);
                LogJoined(logger, agent.Id, agent.Profile.LocalSamples);
                return;
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null)
            {
                // The coordinator may start after its organizations (docker-compose, tests).
                LogCoordinatorUnreachable(logger, agent.Id, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt * 0.5)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DoAsync(WorkItem work, CancellationToken cancellationToken)
    {
        try
        {
            switch (work.Kind)
            {
                case WorkKind.Bond:
                    var bond = await agent.BondAsync(work.Contract!.Value, work.ChainId, work.Wei, cancellationToken).ConfigureAwait(false);
                    await coordinator.ReceiptAsync(work.Id, bond, cancellationToken).ConfigureAwait(false);
                    break;
                case WorkKind.Generator:
                    var generator = await coordinator.WeightsAsync(work.Id, "generator", cancellationToken).ConfigureAwait(false);
                    var generatorUpdate = await agent.TrainGeneratorAsync(generator, work.Pass, cancellationToken).ConfigureAwait(false);
                    await coordinator.UploadAsync(work.Id, generatorUpdate, cancellationToken).ConfigureAwait(false);
                    break;
                case WorkKind.Train:
                    var global = await coordinator.WeightsAsync(work.Id, "global", cancellationToken).ConfigureAwait(false);
                    var shared = await coordinator.WeightsAsync(work.Id, "generator", cancellationToken).ConfigureAwait(false);
                    var update = await agent.TrainAsync(new RoundAssignment(work.Round, global, shared, work.SyntheticSamples), cancellationToken)
                        .ConfigureAwait(false);
                    await coordinator.UploadAsync(work.Id, update, cancellationToken).ConfigureAwait(false);
                    break;
                case WorkKind.Submit:
                    var receipt = await agent.SubmitContributionAsync(work.Round, work.Profile!, cancellationToken).ConfigureAwait(false);
                    await coordinator.ReceiptAsync(work.Id, receipt, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException($"unknown work kind {work.Kind}");
            }
        }
        catch (WorkAbandonedException ex)
        {
            LogAbandoned(logger, agent.Id, work.Kind, work.Round, ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            LogFailed(logger, agent.Id, work.Kind, work.Round, ex.Message);
            await coordinator.FailureAsync(work.Id, ex.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} joined with {Samples} local samples")]
    private static partial void LogJoined(ILogger logger, string organization, long samples);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} cannot reach the coordinator: {Reason}")]
    private static partial void LogCoordinatorUnreachable(ILogger logger, string organization, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization}: {Kind} work of round {Round} was abandoned by the coordinator: {Reason}")]
    private static partial void LogAbandoned(ILogger logger, string organization, WorkKind kind, int round, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Organization {Organization}: {Kind} work of round {Round} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string organization, WorkKind kind, int round, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization}: the run is over")]
    private static partial void LogDone(ILogger logger, string organization);
}
