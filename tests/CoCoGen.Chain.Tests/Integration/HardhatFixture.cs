using CoCoGen.Chain.Contracts;
using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using CoCoGen.Chain.Signing;
using CoCoGen.Chain.Wallet;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>One real Hardhat node for the integration tests, started from hardhat/bin/hardhat and killed at the end.</summary>
public sealed class HardhatFixture : IAsyncLifetime
{
    public const ulong HardhatChainId = 31337;

    private readonly Dictionary<uint, Secp256k1PrivateKey> _keys = [];

    public HardhatNode Node { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public JsonRpcClient Rpc { get; private set; } = null!;

    /// <summary>Shared by every sender of every test: one nonce authority per account.</summary>
    public NonceAllocator Nonces { get; private set; } = null!;

    public HdWallet Wallet { get; } = new(HdWallet.HardhatMnemonic);

    public async Task InitializeAsync()
    {
        Node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);
        Rpc = new JsonRpcClient(Http, new JsonRpcOptions { Endpoint = Node.Endpoint, ChainId = HardhatChainId });
        Nonces = new NonceAllocator(Rpc);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        Http.Dispose();
    }

    public Secp256k1PrivateKey Key(uint index)
    {
        lock (_keys)
        {
            if (!_keys.TryGetValue(index, out var key))
            {
                key = _keys[index] = Wallet.Account(index);
            }

            return key;
        }
    }

    public Task<TransactionSender> SenderAsync(uint account, IEthereumRpc? rpc = null) =>
        TransactionSender.CreateAsync(rpc ?? Rpc, new PrivateKeySigner(Key(account)), Nonces,
            new TransactionSenderOptions { ChainId = HardhatChainId, ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(5), ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(200) },
            null, CancellationToken.None);

    public async Task<ContractCaller> CallerAsync(uint account) => new(await SenderAsync(account));
}

[CollectionDefinition(Name)]
public sealed class HardhatNodeGroup : ICollectionFixture<HardhatFixture>
{
    public const string Name = "Hardhat node";
}
