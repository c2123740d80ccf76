using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoCoGen.Chain.Hosting;

/// <summary>Registers the chain client in a host: a typed-HttpClient <see cref="IEthereumRpc"/> and a shared <see cref="NonceAllocator"/>.</summary>
public static class ChainServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="JsonRpcClient"/> as <see cref="IEthereumRpc"/> (one HttpClient from IHttpClientFactory), validates
    /// <see cref="JsonRpcOptions"/> when the host starts, and adds one <see cref="NonceAllocator"/> for every sender.
    /// </summary>
    public static IServiceCollection AddEthereumJsonRpc(this IServiceCollection services, Action<JsonRpcOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<JsonRpcOptions>()
            .Configure(configure)
            .Validate(options => ValidationError(options) is null, "JsonRpcOptions are invalid: set an absolute http(s) Endpoint, a ChainId, a positive CallTimeout and MaxAttempts >= 1.")
            .ValidateOnStart();
        services.AddHttpClient(nameof(JsonRpcClient), http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<IEthereumRpc>(provider => new JsonRpcClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JsonRpcClient)),
            provider.GetRequiredService<IOptions<JsonRpcOptions>>().Value,
            provider.GetService<ILogger<JsonRpcClient>>()));
        services.AddSingleton(provider => new NonceAllocator(provider.GetRequiredService<IEthereumRpc>()));
        return services;
    }

    private static string? ValidationError(JsonRpcOptions options)
    {
        try
        {
            options.Validate();
            return null;
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
    }
}
