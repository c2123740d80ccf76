using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Strategies;
using CoCoGen.Federation.Tests.Doubles;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Signer;

namespace CoCoGen.Federation.Tests.Transport;

/// <summary>
/// A coordinator serving the gRPC federation on loopback over a <see cref="TestFederation"/>: fixed keys (so runs
/// repeat), the roster made of them, and helpers that act as honest workers, raw members or outsiders.
/// </summary>
internal sealed class GrpcFederation : IAsyncDisposable
{
    private readonly List<(int Index, OrganizationWorker Worker, GrpcChannel Channel)> _workers = [];
    private readonly List<GrpcChannel> _channels = [];
    private WebApplication? _app;

    public GrpcFederation(int organizations = 3, int rounds = 2)
    {
        Federation = new TestFederation(organizations, rounds);
        Federation.Options.StragglerTimeoutSeconds = 5;
        CoordinatorKey = Key(0xC0);
        OrganizationKeys = Enumerable.Range(0, organizations).Select(i => Key(0x10 + i)).ToArray();
        Chain = new RecordedTransactions(Federation.Contract.ContractAddress.ToString());
        Accounts = Enumerable.Range(0, organizations)
            .Select(i => new RecordingMemberAccount(Federation.Contract, Chain, OrganizationKeys[i].GetPublicAddress().ToLowerInvariant()))
            .ToArray();
        Consortium = new ConsortiumOptions
        {
            CoordinatorAddress = CoordinatorKey.GetPublicAddress(),
            Roster = Enumerable.Range(0, organizations).Select(i => new RosterMember
            {
                Organization = Id(i),
                Address = OrganizationKeys[i].GetPublicAddress(),
                LocalSamples = Federation.Learners[i].LocalSamples,
            }).ToList(),
            BondTimeoutSeconds = 5,
            JoinTimeoutSeconds = 60,
            ReconnectTimeoutSeconds = 60,
        };
        Settings = new AgreedSettings("{\"Learning\":{\"Seed\":1,\"Alpha\":0.5},\"Protocol\":{\"Rounds\":" + rounds + "}}");
        Hub = NewHub();
    }

    public TestFederation Federation { get; }

    public EthECKey CoordinatorKey { get; }

    public EthECKey[] OrganizationKeys { get; }

    public RecordedTransactions Chain { get; }

    public RecordingMemberAccount[] Accounts { get; }

    public ConsortiumOptions Consortium { get; }

    public AgreedSettings Settings { get; }

    public CoordinatorHub Hub { get; set; }

    public Uri? Address { get; private set; }

    public static string Id(int index) => $"org{index + 1}";

    /// <summary>A fixed secp256k1 key (private key = <paramref name="seed"/> repeated), so every run signs the same.</summary>
    public static EthECKey Key(int seed) => new(Convert.ToHexString(Enumerable.Repeat((byte)seed, 32).ToArray()));

    /// <summary>What the coordinator's transport logged.</summary>
    public RecordingLoggerProvider Log { get; } = new();

    public CoordinatorHub NewHub() => new(
        Consortium, Settings, new PartySigner("coordinator", CoordinatorKey), Chain, new RunDirectoryEvidence(Federation.Directory), TimeProvider.System,
        new LoggerFactory([Log]));

    /// <summary>Serves <see cref="Hub"/> on loopback (port 0, or a given port after a restart).</summary>
    public async Task StartServerAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(Hub);
        _app = builder.Build();
        _app.MapGrpcService<CoordinatorGrpcService>();
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Stops the server (a coordinator that went away); workers keep running.</summary>
    public async Task StopServerAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public RoundCoordinator Coordinator() => new(
        Hub.Channels, new GuidedFedAvgStrategy(new FixedGuidancePolicy()), Federation.Model, Federation.Meter, new ValidationSeeds("test-secret"), Federation.Contract, Federation.Contract,
        new CoCoGen.Federation.Adapters.Ledger.ChainSettlementArithmetic(), Federation.Run, Federation.Options, TimeProvider.System, NullLogger<RoundCoordinator>.Instance);

    /// <summary>The raw client of the server (no signing).</summary>
    public Coordinator.CoordinatorClient RawClient()
    {
        var channel = GrpcChannel.ForAddress(Address!);
        _channels.Add(channel);
        return new Coordinator.CoordinatorClient(channel);
    }

    /// <summary>The raw client of the server, connecting from another loopback address (another peer to the server).</summary>
    public Coordinator.CoordinatorClient RawClientFrom(System.Net.IPAddress source)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                try
                {
                    socket.Bind(new System.Net.IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var channel = GrpcChannel.ForAddress(Address!, new GrpcChannelOptions { HttpHandler = handler });
        _channels.Add(channel);
        return new Coordinator.CoordinatorClient(channel);
    }

    /// <summary>A signed connection as <paramref name="party"/> holding <paramref name="key"/>.</summary>
    public CoordinatorConnection Connection(string party, EthECKey key) =>
        new(RawClient(), new PartySigner(party, key), CoordinatorKey.GetPublicAddress(), 64L << 20, TimeProvider.System);

    /// <summary>Starts a worker for organization <paramref name="index"/>, with its own learner unless one is given, its calls passing <paramref name="network"/> if given.</summary>
    public async Task<OrganizationOutcome> StartWorkerAsync(int index, IOrganizationLearner? learner = null, AgreedSettings? settings = null, Grpc.Core.Interceptors.Interceptor? network = null)
    {
        var channel = GrpcChannel.ForAddress(Address!);
        var agent = new OrganizationAgent(Id(index), learner ?? Federation.Learners[index], Accounts[index], Federation.Verifiers[index], new ChainSettlementArithmetic(), NullLogger<OrganizationAgent>.Instance);
        var outcome = new OrganizationOutcome();
        var calls = network is null ? channel.CreateCallInvoker() : Grpc.Core.Interceptors.CallInvokerExtensions.Intercept(channel.CreateCallInvoker(), network);
        var connection = new CoordinatorConnection(
            new Coordinator.CoordinatorClient(calls), new PartySigner(Id(index), OrganizationKeys[index]), CoordinatorKey.GetPublicAddress(), 64L << 20, TimeProvider.System);
        var worker = new OrganizationWorker(agent, connection, settings ?? Settings, Consortium, outcome, new StoppedLifetime(), NullLogger<OrganizationWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        _workers.Add((index, worker, channel));
        return outcome;
    }

    /// <summary>Stops organization <paramref name="index"/>'s workers (its process dies; what it held in memory is gone).</summary>
    public async Task StopWorkersAsync(int index)
    {
        foreach (var entry in _workers.Where(w => w.Index == index).ToArray())
        {
            await entry.Worker.StopAsync(CancellationToken.None);
            entry.Worker.Dispose();
            entry.Channel.Dispose();
            _workers.Remove(entry);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, worker, channel) in _workers)
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
            channel.Dispose();
        }

        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await StopServerAsync();
        Federation.Dispose();
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
