using System.Globalization;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// An organization process: checks that it runs the coordinator's run (agreed settings, its roster entry), joins by
/// proving its key, then polls for its work and does it with its own agent (its data and its key stay here) until
/// the coordinator says the run is over. A coordinator that goes away is reconnected to with backoff, and the
/// process joins again; past <see cref="ConsortiumOptions.ReconnectTimeoutSeconds"/> it gives up.
/// </summary>
public sealed partial class OrganizationWorker(
    OrganizationAgent agent,
    CoordinatorConnection coordinator,
    AgreedSettings settings,
    ConsortiumOptions consortium,
    OrganizationOutcome outcome,
    IHostApplicationLifetime lifetime,
    ILogger<OrganizationWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (RosterProblem() is { } problem)
            {
                Stop(refusal: problem);
                return;
            }

            var lastContact = DateTime.UtcNow;
            for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
            {
                long? round = null;
                try
                {
                    round = await ConnectAsync(stoppingToken).ConfigureAwait(false);
                    if (round is null)
                    {
                        return;
                    }

                    attempt = 0;
                    lastContact = DateTime.UtcNow;
                    if (await ServeAsync(round.Value, stoppingToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (RpcException ex) when (TlsRefusal(ex) is { } reason)
                {
                    // Retrying cannot make an untrusted certificate trusted: stop and say what to fix.
                    Stop(refusal: $"{agent.Id}: the coordinator's TLS certificate is not trusted ({reason}); trust the consortium CA, e.g. SSL_CERT_FILE=consortium-ca.pem (docs/transport.md, TLS)");
                    return;
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled
                    && !stoppingToken.IsCancellationRequested)
                {
                    LogCoordinatorUnreachable(logger, agent.Id, ex.Status.Detail);
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.ResourceExhausted && round is null && !stoppingToken.IsCancellationRequested)
                {
                    // No join challenge now (someone at this address asked for too many): back off and ask again.
                    LogCoordinatorUnreachable(logger, agent.Id, ex.Status.Detail);
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.FailedPrecondition && !stoppingToken.IsCancellationRequested)
                {
                    // A restarted coordinator has forgotten the join: join again.
                    LogRejoining(logger, agent.Id, ex.Status.Detail);
                    lastContact = DateTime.UtcNow;
                }

                if (DateTime.UtcNow - lastContact > TimeSpan.FromSeconds(consortium.ReconnectTimeoutSeconds))
                {
                    Stop(failure: string.Create(CultureInfo.InvariantCulture,
                        $"{agent.Id}: the coordinator stayed unreachable for {consortium.ReconnectTimeoutSeconds} s (Consortium:ReconnectTimeoutSeconds)"));
                    return;
                }

                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt, 10))));
                await Task.Delay(backoff, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (CoordinatorIdentityException ex)
        {
            Stop(refusal: ex.Message);
        }
        catch (RpcException ex) when (!stoppingToken.IsCancellationRequested)
        {
            // A refusal this process cannot repair by reconnecting (its clock, its messages): stop, saying why.
            Stop(failure: $"{agent.Id}: the coordinator refused {ex.StatusCode}: {ex.Status.Detail}");
        }
    }

    // The TLS handshake's own verdict, when the call failed because this process does not trust the coordinator's certificate.
    private static string? TlsRefusal(RpcException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Security.Authentication.AuthenticationException refused)
            {
                return refused.Message;
            }
        }

        return null;
    }

    // Before any contact: this process's key and data must be the ones the roster names.
    private string? RosterProblem()
    {
        var profile = agent.Profile;
        var entry = consortium.Roster.FirstOrDefault(m => m.Organization == agent.Id);
        if (entry is null)
        {
            return $"Consortium:Roster has no entry for {agent.Id}";
        }

        if (!ChainAddress.TryParse(entry.Address, out var rostered) || rostered != profile.Address)
        {
            return $"Consortium:Roster: {agent.Id}'s address is {entry.Address}, but this process's keystore holds {profile.Address}";
        }

        return entry.LocalSamples != profile.LocalSamples
            ? string.Create(CultureInfo.InvariantCulture, $"Consortium:Roster: {agent.Id} declares D_i = {entry.LocalSamples}, but its data holds {profile.LocalSamples} samples")
            : null;
    }

    // Null when the process must stop (a refusal was recorded).
    private async Task<long?> ConnectAsync(CancellationToken cancellationToken)
    {
        var description = await coordinator.DescribeRunAsync(cancellationToken).ConfigureAwait(false);
        var differences = settings.DifferencesFrom(description.AgreedSettingsJson);
        if (differences.Count > 0)
        {
            Stop(refusal: $"{agent.Id}: the coordinator runs with other settings; {string.Join("; ", differences)}");
            return null;
        }

        try
        {
            var round = await coordinator.JoinAsync(description.Challenge, settings.Hash, cancellationToken).ConfigureAwait(false);
            LogJoined(logger, agent.Id, agent.Profile.LocalSamples, round);
            return round;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            Stop(refusal: $"{agent.Id}: the coordinator refused the join: {ex.Status.Detail}");
            return null;
        }
    }

    // True when the run is over.
    private async Task<bool> ServeAsync(long round, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var work = await coordinator.NextWorkAsync(round, PollWait, cancellationToken).ConfigureAwait(false);
            if (work is null)
            {
                continue;
            }

            if (work.Kind == WorkKind.Done)
            {
                LogDone(logger, agent.Id);
                lifetime.StopApplication();
                return true;
            }

            round = Math.Max(round, work.Round);
            await DoAsync(work, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task DoAsync(WorkItem work, CancellationToken cancellationToken)
    {
        try
        {
            switch (work.Kind)
            {
                case WorkKind.Bond:
                    var wei = System.Numerics.BigInteger.Parse(work.Wei, NumberStyles.None, CultureInfo.InvariantCulture);
                    var bond = await agent.BondAsync(ChainAddress.Parse(work.Contract), work.ChainId, wei, cancellationToken).ConfigureAwait(false);
                    await coordinator.ReportTransactionAsync(work, bond, cancellationToken).ConfigureAwait(false);
                    break;
                case WorkKind.Generator:
                    var generator = await coordinator.WeightsAsync(work, WeightsKind.Generator, cancellationToken).ConfigureAwait(false);
                    var generatorUpdate = await agent.TrainGeneratorAsync(generator, work.Pass, cancellationToken).ConfigureAwait(false);
                    await coordinator.UploadAsync(work, generatorUpdate, cancellationToken).ConfigureAwait(false);
                    break;
                case WorkKind.Train:
                    var global = await coordinator.WeightsAsync(work, WeightsKind.Global, cancellationToken).ConfigureAwait(false);
                    var shared = await coordinator.WeightsAsync(work, WeightsKind.Generator, cancellationToken).ConfigureAwait(false);
                    var assignment = new RoundAssignment((int)work.Round, global, shared, work.SyntheticSamples)
                    {
                        ValidationSeedHash = string.IsNullOrEmpty(work.ValidationSeedHash) ? null : work.ValidationSeedHash,
                    };
                    var update = await agent.TrainAsync(assignment, cancellationToken).ConfigureAwait(false);
                    await coordinator.UploadAsync(work, update, cancellationToken).ConfigureAwait(false);
                    break;
                case WorkKind.Review:
                    var vote = await agent.ReviewCommitmentAsync((int)work.Round, cancellationToken).ConfigureAwait(false);
                    await coordinator.ReportVoteAsync(work, vote, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException($"unknown work kind {work.Kind}");
            }
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.FailedPrecondition)
        {
            LogAbandoned(logger, agent.Id, work.Kind, work.Round, ex.Status.Detail);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not (OutOfMemoryException or RpcException or CoordinatorIdentityException))
        {
            LogFailed(logger, agent.Id, work.Kind, work.Round, ex.Message);
            await coordinator.ReportFailureAsync(work, ex.Message, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Stop(string? refusal = null, string? failure = null)
    {
        outcome.Refusal ??= refusal;
        outcome.Failure ??= failure;
        LogStopping(logger, agent.Id, refusal ?? failure ?? string.Empty);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization} joined with {Samples} local samples (coordinator at round {Round})")]
    private static partial void LogJoined(ILogger logger, string organization, long samples, long round);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} cannot reach the coordinator: {Reason}")]
    private static partial void LogCoordinatorUnreachable(ILogger logger, string organization, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization} joins again: {Reason}")]
    private static partial void LogRejoining(ILogger logger, string organization, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization}: {Kind} work of round {Round} was abandoned by the coordinator: {Reason}")]
    private static partial void LogAbandoned(ILogger logger, string organization, WorkKind kind, long round, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Organization {Organization}: {Kind} work of round {Round} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string organization, WorkKind kind, long round, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organization {Organization}: the run is over")]
    private static partial void LogDone(ILogger logger, string organization);

    [LoggerMessage(Level = LogLevel.Error, Message = "Organization {Organization} stops: {Reason}")]
    private static partial void LogStopping(ILogger logger, string organization, string reason);
}
