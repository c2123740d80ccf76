using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Tests.Doubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Federation.Tests.Transport;

public sealed class HttpTransportTests
{
    [Fact]
    public void Weights_survive_the_wire_format_bit_for_bit()
    {
        var weights = new ModelWeights([1.5f, -0f, float.Epsilon, 3.25e-7f, -123456.75f]);

        var decoded = WeightsWireFormat.Decode(WeightsWireFormat.Encode(weights));

        Assert.Equal(weights.ToBytes(), decoded.ToBytes());
    }

    [Fact]
    public void A_truncated_weights_body_is_refused_with_the_reason()
    {
        var bytes = WeightsWireFormat.Encode(new ModelWeights([1f, 2f, 3f]));

        var error = Assert.Throws<FormatException>(() => WeightsWireFormat.Decode(bytes.AsSpan(0, bytes.Length - 4)));

        Assert.Contains("offsets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organizations_over_http_produce_the_same_run_as_in_process_and_a_straggler_is_timed_out()
    {
        // Over HTTP a local phase has a wire round trip and a poll in it: 0.5 s (TestFederation's default) made every
        // organization a straggler on a loaded machine, so both runs allow 5 s and the hanging one still times out.
        using var reference = new TestFederation(organizations: 3, rounds: 2);
        reference.Options.StragglerTimeoutSeconds = 5;
        reference.Learners[2].Script[2] = Misbehaviour.Hang;
        var expected = await reference.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        using var federation = new TestFederation(organizations: 3, rounds: 2);
        federation.Options.StragglerTimeoutSeconds = 5;
        federation.Learners[2].Script[2] = Misbehaviour.Hang;
        var ids = new[] { "org1", "org2", "org3" };
        var hub = new CoordinatorHub(ids);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(hub);
        await using var app = builder.Build();
        app.MapCoordinatorEndpoints();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var workers = federation.Learners.Select((learner, i) =>
        {
            var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
            var agent = new OrganizationAgent(ids[i], learner, new InMemoryMemberAccount(federation.Contract, ChainAddress.Parse($"0x{i + 1:x40}")), federation.Contract, NullLogger<OrganizationAgent>.Instance);
            var worker = new OrganizationWorker(agent, new CoordinatorClient(http), new StoppedLifetime(), NullLogger<OrganizationWorker>.Instance);
            return (worker, http);
        }).ToArray();
        foreach (var (worker, _) in workers)
        {
            await worker.StartAsync(stop.Token);
        }

        var coordinator = new RoundCoordinator(
            hub.Channels, new CoCoGen.Federation.Strategies.GuidedFedAvgStrategy(new FixedGuidancePolicy()), federation.Model, federation.Meter, new ValidationSeeds("test-secret"), federation.Contract, federation.Contract, new CoCoGen.Federation.Adapters.Ledger.ChainSettlementArithmetic(),
            federation.Run, federation.Options, TimeProvider.System, NullLogger<RoundCoordinator>.Instance);
        var summary = await coordinator.RunAsync(resume: false, progress: null, stop.Token);
        await hub.FinishAsync(TimeSpan.FromSeconds(5));
        foreach (var (worker, http) in workers)
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
            http.Dispose();
        }

        Assert.Equal(expected.ModelHash, summary.ModelHash);
        Assert.Equal(expected.Rounds.Select(r => r.ModelHash), summary.Rounds.Select(r => r.ModelHash));
        Assert.Equal(UpdateOutcome.Straggler, summary.Rounds[1].Organizations[2].Outcome);
        Assert.All(summary.Rounds, r => Assert.Equal("Settled", r.Settlement!.Status));
        Assert.Equal(
            expected.Rounds.SelectMany(r => r.Organizations.Select(o => o.ChainNetWei)),
            summary.Rounds.SelectMany(r => r.Organizations.Select(o => o.ChainNetWei)));
    }

    private sealed class StoppedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
