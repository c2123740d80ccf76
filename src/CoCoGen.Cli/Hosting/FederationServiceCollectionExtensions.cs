using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Adapters.Transport;
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

    /// <summary>`cocogen coordinator`: the HTTP hub of the organizations and the service running the rounds.</summary>
    public static IServiceCollection AddCocogenCoordinator(this IServiceCollection services)
    {
        services.AddSingleton(Settings);
        // The coordinator's own key, from its own keystore; it holds no organization's key.
        services.AddSingleton(sp => PartyKeys.ForCoordinator(KeystoreSource.Unlock(sp.GetRequiredService<FederationSettings>().Chain)));
        services.AddSingleton(sp => new CoordinatorHub(
            Enumerable.Range(0, sp.GetRequiredService<IOptions<LearningOptions>>().Value.Organizations).Select(OrganizationIds.Of).ToArray()));
        services.AddSingleton<RunOutcome>();
        services.AddHostedService<CoordinatorService>();
        return services;
    }

    /// <summary>`cocogen org`: organization <paramref name="id"/> (org1 … orgN) polling the coordinator at <paramref name="coordinator"/>.</summary>
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
                settings, ImageFederationData.Load(settings.Learning), index, sp.GetRequiredService<ChainConnection>(), sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddHttpClient<CoordinatorClient>(http =>
        {
            http.BaseAddress = coordinator;
            http.Timeout = TimeSpan.FromMinutes(5);
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
