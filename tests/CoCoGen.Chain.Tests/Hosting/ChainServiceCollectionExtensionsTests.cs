using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoCoGen.Chain.Tests.Hosting;

public sealed class ChainServiceCollectionExtensionsTests
{
    [Fact]
    public void Valid_options_resolve_one_rpc_client_and_one_nonce_manager()
    {
        using var provider = new ServiceCollection()
            .AddEthereumJsonRpc(options => { options.Endpoint = new Uri("http://127.0.0.1:8545"); options.ChainId = 31337; })
            .BuildServiceProvider();
        var rpc = Assert.IsType<JsonRpcClient>(provider.GetRequiredService<IEthereumRpc>());
        Assert.Equal(31337UL, rpc.ExpectedChainId);
        Assert.Same(provider.GetRequiredService<NonceAllocator>(), provider.GetRequiredService<NonceAllocator>());
    }

    [Fact]
    public void Missing_chain_id_fails_validation()
    {
        using var provider = new ServiceCollection()
            .AddEthereumJsonRpc(options => options.Endpoint = new Uri("http://127.0.0.1:8545"))
            .BuildServiceProvider();
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<JsonRpcOptions>>().Value);
        Assert.Contains("ChainId", failure.Message, StringComparison.Ordinal);
    }
}
