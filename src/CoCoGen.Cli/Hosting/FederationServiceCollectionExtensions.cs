using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Adapters.Verification;
using CoCoGen.Cli.Invocation;
using Grpc.Net.Client;
using CoCoGen.Federation.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoCoGen.Cli.Hosting;

/// <summary>Service registrations of the three process shapes: run, coordinator, organization.</summary>
public static class FederationServiceCollectionExtensions
{
    /// <summary>`cocogen run`: the one-process workflow.</summary>
    public static IServiceCollection AddCocogenRun(this IServiceCollection services)
    {
        services.AddSingleton<RunWorkflow>();
        return services;
    }

    /// <summary>`cocogen coordinator`: the gRPC hub of the roster's organizations and the service running the rounds.</summary>
    public static IServiceCollection AddCocogenCoordinator(this IServiceCollection services)
    {
        services.AddSingleton(Settings);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsortiumOptions>>().Value);
        // The coordinator's own key, from its own keystore; it holds no organization's key.
        services.AddSingleton(sp => PartyKeys.ForCoordinator(KeystoreSource.Unlock(sp.GetRequiredService<FederationSettings>().Chain)));
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<FederationSettings>();
            return FederationGraph.Connect(settings, new Uri(settings.Chain.RpcUrl!), sp.GetRequiredService<PartyKeys>(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<FederationSettings>();
            var consortium = sp.GetRequiredService<ConsortiumOptions>();
            var signer = new PartySigner("coordinator", sp.GetRequiredService<PartyKeys>().Coordinator());
            if (!string.Equals(signer.Address, consortium.CoordinatorAddress, StringComparison.OrdinalIgnoreCase))
            {
                throw new CommandInputException($"Consortium:CoordinatorAddress is {consortium.CoordinatorAddress}, but the coordinator's keystore holds another key");
            }

            return new CoordinatorHub(
                consortium,
                RunAgreement.Of(settings, consortium),
                signer,
                new ChainTransactionCheck(sp.GetRequiredService<ChainConnection>()),
                new RunDirectoryEvidence(settings.Run.Out),
                TimeProvider.System,
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = 4 * 1024 * 1024;
            grpc.MaxSendMessageSize = 4 * 1024 * 1024;
        });
        services.AddSingleton<RunOutcome>();
        services.AddHostedService<CoordinatorService>();
        return services;
    }

    /// <summary>`cocogen org`: organization <paramref name="id"/> (org1 … orgN) calling the coordinator's gRPC service at <paramref name="coordinator"/>.</summary>
    public static IServiceCollection AddCocogenOrganization(this IServiceCollection services, string id, Uri coordinator)
    {
        var index = OrganizationIndex(id);
        services.AddSingleton(Settings);
        // This organization's own key, from its own keystore; it holds no other party's key.
        services.AddSingleton(sp => PartyKeys.ForOrganization(index, KeystoreSource.Unlock(sp.GetRequiredService<FederationSettings>().Chain)));
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<FederationSettings>();
            return FederationGraph.Connect(settings, new Uri(settings.Chain.RpcUrl!), sp.GetRequiredService<PartyKeys>(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<FederationSettings>();
            if (index >= settings.Learning.Organizations)
            {
                throw new InvalidOperationException($"--id {id}: the run has {settings.Learning.Organizations} organizations (org1 … org{settings.Learning.Organizations})");
            }

            return FederationGraph.Organization(
                settings,
                sp.GetRequiredService<ImageFederationData>(),
                index,
                sp.GetRequiredService<ChainConnection>(),
                sp.GetRequiredService<ICommitmentVerifier>(),
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp => ImageFederationData.Load(sp.GetRequiredService<FederationSettings>().Learning));

        // The organization fetches each round's bundle over the signed evidence calls and recomputes it with a meter of
        // its own over the validation pool it rebuilds from the dataset; the roster is the consortium's, not the coordinator's word.
        services.AddSingleton(sp =>
        {
            var consortium = sp.GetRequiredService<ConsortiumOptions>();
            var roster = consortium.Roster.Select(m => new OrganizationProfile(m.Organization!, ChainAddress.Parse(m.Address!), m.LocalSamples)).ToArray();
            return FederationGraph.Verifier(
                sp.GetRequiredService<FederationSettings>(),
                new CoordinatorBundleReader(sp.GetRequiredService<CoordinatorConnection>(), coordinator.ToString()),
                sp.GetRequiredService<ImageFederationData>().Pool,
                sp.GetRequiredService<ChainConnection>(),
                roster,
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsortiumOptions>>().Value);
        services.AddSingleton(sp => RunAgreement.Of(sp.GetRequiredService<FederationSettings>(), sp.GetRequiredService<ConsortiumOptions>()));
        services.AddSingleton<OrganizationOutcome>();
        services.AddSingleton(sp => GrpcChannel.ForAddress(coordinator, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 4 * 1024 * 1024,
            MaxSendMessageSize = 4 * 1024 * 1024,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            // Between hosts a link can die silently (a cable pulled, a route gone): HTTP/2 pings find a dead
            // connection in seconds instead of TCP's minutes of retransmission, and a bounded connect lets the
            // worker's backoff try again, so the member rejoins soon after the network comes back.
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(10),
                KeepAlivePingDelay = TimeSpan.FromSeconds(15),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
                EnableMultipleHttp2Connections = true,
            },
        }));
        services.AddSingleton(sp =>
        {
            var consortium = sp.GetRequiredService<ConsortiumOptions>();
            return new CoordinatorConnection(
                new CoCoGen.Federation.Adapters.Transport.Wire.Coordinator.CoordinatorClient(sp.GetRequiredService<GrpcChannel>()),
                new PartySigner(id, sp.GetRequiredService<PartyKeys>().Organization(index)),
                consortium.CoordinatorAddress!,
                consortium.MaxWeightsMebibytes * 1024L * 1024L,
                TimeProvider.System);
        });
        services.AddHostedService<OrganizationWorker>();
        return services;
    }

    /// <summary>0-based index of an organization id of the form <c>orgN</c>.</summary>
    public static int OrganizationIndex(string id) =>
        id is not null && id.StartsWith("org", StringComparison.Ordinal)
            && int.TryParse(id.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n - 1
            : throw new ArgumentException($"--id: '{id}' is not an organization id of the form org1, org2, …", nameof(id));

    private static FederationSettings Settings(IServiceProvider services) => FederationSettings.From(
        services.GetRequiredService<IOptions<ProtocolOptions>>(),
        services.GetRequiredService<IOptions<LearningOptions>>(),
        services.GetRequiredService<IOptions<MechanismOptions>>(),
        services.GetRequiredService<IOptions<ChainOptions>>(),
        services.GetRequiredService<IOptions<RunOptions>>());
}
