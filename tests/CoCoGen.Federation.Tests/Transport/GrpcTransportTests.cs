using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Tests.Doubles;

namespace CoCoGen.Federation.Tests.Transport;

public sealed class GrpcTransportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Organizations_over_grpc_produce_the_same_run_as_in_process_and_a_straggler_is_timed_out()
    {
        // Over gRPC a local phase has wire round trips and a poll in it: both runs allow 5 s and the hanging one still times out.
        using var reference = new TestFederation(organizations: 3, rounds: 2);
        reference.Options.StragglerTimeoutSeconds = 5;
        reference.Learners[2].Script[2] = Misbehaviour.Hang;
        var expected = await reference.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        await using var grpc = new GrpcFederation(organizations: 3, rounds: 2);
        grpc.Federation.Learners[2].Script[2] = Misbehaviour.Hang;
        await grpc.StartServerAsync();
        for (var i = 0; i < 3; i++)
        {
            await grpc.StartWorkerAsync(i);
        }

        using var stop = new CancellationTokenSource(Patience);
        var summary = await grpc.Coordinator().RunAsync(resume: false, progress: null, stop.Token);
        await grpc.Hub.FinishAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(expected.ModelHash, summary.ModelHash);
        Assert.Equal(expected.Rounds.Select(r => r.ModelHash), summary.Rounds.Select(r => r.ModelHash));
        Assert.Equal(UpdateOutcome.Straggler, summary.Rounds[1].Organizations[2].Outcome);
        Assert.All(summary.Rounds, r => Assert.Equal("Settled", r.Settlement!.Status));
        Assert.Equal(
            expected.Rounds.SelectMany(r => r.Organizations.Select(o => o.ChainNetWei)),
            summary.Rounds.SelectMany(r => r.Organizations.Select(o => o.ChainNetWei)));

        // Every member's address and bond are the roster's keys, and its submissions are chain transactions the coordinator read itself.
        Assert.Equal(grpc.Consortium.Roster.Select(m => CoCoGen.Federation.Ports.ChainAddress.Parse(m.Address!)), summary.Rounds[0].Organizations.Select(o => o.Address));
        Assert.All(grpc.Accounts, a => Assert.True(grpc.Federation.Contract.Bonds.ContainsKey(a.Address)));
    }

    [Fact]
    public async Task Organizations_reconnect_with_backoff_and_join_a_restarted_coordinator()
    {
        await using var grpc = new GrpcFederation(organizations: 2, rounds: 1);
        await grpc.StartServerAsync();
        var port = grpc.Address!.Port;
        for (var i = 0; i < 2; i++)
        {
            await grpc.StartWorkerAsync(i);
        }

        using var wait = new CancellationTokenSource(Patience);
        await Task.WhenAll(grpc.Hub.Channels.Select(c => c.JoinAsync(wait.Token)));

        // The coordinator goes away and a new process (new hub: it remembers no join) comes back on the same port.
        await grpc.StopServerAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        grpc.Hub = grpc.NewHub();
        await grpc.StartServerAsync(port);

        var profiles = await Task.WhenAll(grpc.Hub.Channels.Select(c => c.JoinAsync(wait.Token)));
        Assert.Equal(grpc.Consortium.Roster.Select(m => CoCoGen.Federation.Ports.ChainAddress.Parse(m.Address!)), profiles.Select(p => p.Address));

        // And the run goes on with the restarted coordinator.
        var summary = await grpc.Coordinator().RunAsync(resume: false, progress: null, wait.Token);
        Assert.All(summary.Rounds[0].Organizations, o => Assert.Equal(UpdateOutcome.Accepted, o.Outcome));
    }

    [Fact]
    public async Task A_restarted_organization_process_is_bound_again_and_its_later_submissions_count()
    {
        await using var grpc = new GrpcFederation(organizations: 3, rounds: 3);
        await grpc.StartServerAsync();
        for (var i = 0; i < 3; i++)
        {
            await grpc.StartWorkerAsync(i);
        }

        var run = grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);
        await WaitUntilAsync(() => File.Exists(grpc.Federation.Run.RoundsFile) && grpc.Federation.Run.ReadRounds().Count >= 1);

        // org3's process dies and a new one (a new agent: bound to nothing) joins in its place.
        await grpc.StopWorkersAsync(2);
        await grpc.StartWorkerAsync(2);
        var summary = await run.WaitAsync(Patience);

        var last = summary.Rounds[^1].Organizations[2];
        Assert.Equal(UpdateOutcome.Accepted, last.Outcome);
        Assert.True(last.Vote is { Accepted: true, Transaction: not null });
        Assert.True((await grpc.Federation.Contract.GetRoundAsync(3, CancellationToken.None)).Accepted[2]);
    }

    [Fact]
    public async Task Training_whose_work_reply_was_lost_with_the_connection_is_handed_out_again_when_the_member_rejoins()
    {
        using var reference = new TestFederation(organizations: 3, rounds: 2);
        reference.Options.StragglerTimeoutSeconds = 5;
        var expected = await reference.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        await using var grpc = new GrpcFederation(organizations: 3, rounds: 2);
        await grpc.StartServerAsync();
        var network = new LosingFirstTrainingReply();
        await grpc.StartWorkerAsync(0);
        await grpc.StartWorkerAsync(1);
        await grpc.StartWorkerAsync(2, network: network);

        using var stop = new CancellationTokenSource(Patience);
        var summary = await grpc.Coordinator().RunAsync(resume: false, progress: null, stop.Token);

        // The coordinator handed org3 its round-1 training, the reply never reached it and org3 reconnected: it gets
        // the same work again, in time, and the run is the honest one (without the hand-out again it is a straggler).
        Assert.Equal(1, network.Lost);
        Assert.All(summary.Rounds, r => Assert.Equal(UpdateOutcome.Accepted, r.Organizations[2].Outcome));
        Assert.Equal(expected.ModelHash, summary.ModelHash);
    }

    [Fact]
    public async Task An_organization_with_a_disagreeing_setting_stops_naming_it()
    {
        await using var grpc = new GrpcFederation(organizations: 2, rounds: 1);
        await grpc.StartServerAsync();

        var outcome = await grpc.StartWorkerAsync(0, settings: new AgreedSettings("{\"Learning\":{\"Seed\":1,\"Alpha\":0.3},\"Protocol\":{\"Rounds\":1}}"));

        await WaitUntilAsync(() => outcome.Refusal is not null);
        Assert.Contains("Learning:Alpha: coordinator 0.5, this organization 0.3", outcome.Refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("Seed", outcome.Refusal, StringComparison.Ordinal);
        Assert.Empty(await JoinedAsync(grpc));
    }

    [Fact]
    public async Task An_organization_whose_data_is_not_its_roster_entry_stops_naming_it()
    {
        await using var grpc = new GrpcFederation(organizations: 2, rounds: 1);
        await grpc.StartServerAsync();

        var outcome = await grpc.StartWorkerAsync(1, learner: new ScriptedLearner(1, TestFederation.Dimension, 4321));

        await WaitUntilAsync(() => outcome.Refusal is not null);
        Assert.Equal("Consortium:Roster: org2 declares D_i = 1100, but its data holds 4321 samples", outcome.Refusal);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(50);
        }
    }

    private static async Task<IReadOnlyList<string>> JoinedAsync(GrpcFederation grpc)
    {
        var joined = new List<string>();
        foreach (var channel in grpc.Hub.Channels)
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                await channel.JoinAsync(quick.Token);
                joined.Add(channel.Id);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return joined;
    }

    /// <summary>A network that loses the first reply carrying training work: the member sees its connection fail.</summary>
    private sealed class LosingFirstTrainingReply : Grpc.Core.Interceptors.Interceptor
    {
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public override Grpc.Core.AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, Grpc.Core.Interceptors.ClientInterceptorContext<TRequest, TResponse> context, Grpc.Core.Interceptors.Interceptor.AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            ArgumentNullException.ThrowIfNull(continuation);
            var call = continuation(request, context);
            return new Grpc.Core.AsyncUnaryCall<TResponse>(LoseAsync(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
        }

        private async Task<TResponse> LoseAsync<TResponse>(Task<TResponse> response)
        {
            var reply = await response;
            if (reply is CoCoGen.Federation.Adapters.Transport.Wire.WorkReply { Item.Kind: CoCoGen.Federation.Adapters.Transport.Wire.WorkKind.Train } && Interlocked.Exchange(ref _lost, 1) == 0)
            {
                throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "the reply was lost with the connection"));
            }

            return reply;
        }
    }
}
