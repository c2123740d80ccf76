using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Keys;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>One real Hardhat node for the end-to-end tests (each test deploys its own contract on it).</summary>
public sealed class ChainFixture : IAsyncLifetime
{
    // Hardhat's last default account pays for fresh keystore accounts; runs on the development mnemonic use the first ones.
    private const int FaucetAccount = 19;

    public HardhatNode Node { get; private set; } = null!;

    public string RepositoryRoot { get; } = CoCoGen.Chain.Hosting.RepositoryRoot.Find();

    public string RpcUrl => Node.Endpoint.ToString();

    public async Task InitializeAsync() => Node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);

    public async Task DisposeAsync() => await Node.DisposeAsync();

    /// <summary>Sends <paramref name="wei"/> to each address from the faucet account (a fresh nonce read per call).</summary>
    public Task FundAsync(IEnumerable<EthereumAddress> accounts, BigInteger wei) => FundAsync(Node.Endpoint, accounts, wei);

    /// <summary>Sends <paramref name="wei"/> to each address from the faucet account of the Hardhat node at <paramref name="endpoint"/>.</summary>
    public static async Task FundAsync(Uri endpoint, IEnumerable<EthereumAddress> accounts, BigInteger wei)
    {
        using var chain = await ChainEndpoint.ConnectAsync(endpoint, 31337, null, null, CancellationToken.None);
        var faucet = chain.Sender(new DevelopmentWallet(DevelopmentWallet.HardhatMnemonic).Key(FaucetAccount));
        foreach (var account in accounts)
        {
            await faucet.SendAndWaitAsync(new TransactionRequest(account, [], wei), CancellationToken.None);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ChainGroup : ICollectionFixture<ChainFixture>
{
    public const string Name = "Hardhat node";
}
