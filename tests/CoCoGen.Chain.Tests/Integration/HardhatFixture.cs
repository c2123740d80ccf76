using System.Collections.Concurrent;
using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Keys;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>One real Hardhat node for the integration tests, started from hardhat/bin/hardhat and killed at the end.</summary>
public sealed class HardhatFixture : IAsyncLifetime
{
    public const long HardhatChainId = 31337;

    private readonly ConcurrentDictionary<int, EthECKey> _keys = new();

    public HardhatNode Node { get; private set; } = null!;

    /// <summary>The checked endpoint; its nonce allocator is shared by every sender of every test.</summary>
    public ChainEndpoint Chain { get; private set; } = null!;

    public DevelopmentWallet Wallet { get; } = new(DevelopmentWallet.HardhatMnemonic);

    public static TransactionSenderOptions SenderOptions => new() { ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(5), ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(200) };

    public async Task InitializeAsync()
    {
        Node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);
        Chain = await ChainEndpoint.ConnectAsync(Node.Endpoint, HardhatChainId, null, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Chain.Dispose();
        await Node.DisposeAsync();
    }

    public EthECKey Key(int index) => _keys.GetOrAdd(index, Wallet.Key);

    public EthereumAddress Address(int index) => EthereumAddress.Parse(Key(index).GetPublicAddress());

    public TransactionSender Sender(int account, ChainEndpoint? via = null) => (via ?? Chain).Sender(Key(account), SenderOptions);

    public async Task<long> NonceAsync(EthereumAddress account, BlockParameter? block = null) =>
        (long)(await Chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(account.ToLowerHex(), block ?? BlockParameter.CreateLatest())).Value;

    public async Task<BigInteger> BalanceAsync(EthereumAddress account) =>
        (await Chain.Web3.Eth.GetBalance.SendRequestAsync(account.ToLowerHex())).Value;

    public Task DevelopmentRpcAsync(string method, params object[] parameters) =>
        Chain.Web3.Client.SendRequestAsync<object>(new RpcRequest(1, method, parameters));
}

[CollectionDefinition(Name)]
public sealed class HardhatNodeGroup : ICollectionFixture<HardhatFixture>
{
    public const string Name = "Hardhat node";
}
