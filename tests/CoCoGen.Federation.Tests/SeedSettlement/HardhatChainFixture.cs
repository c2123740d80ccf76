using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using CoCoGen.Chain.Signing;
using CoCoGen.Chain.Wallet;

namespace CoCoGen.Federation.Tests.SeedSettlement;

/// <summary>One real Hardhat node (hardhat/bin/hardhat, chain 31337) for the settlement tests, killed at the end.</summary>
public sealed class HardhatChainFixture : IAsyncLifetime
{
    public const ulong ChainId = 31337;

    private readonly HdWallet _wallet = new(HdWallet.HardhatMnemonic);

    private HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    private HardhatNode Node { get; set; } = null!;

    public JsonRpcClient Rpc { get; private set; } = null!;

    private NonceAllocator Nonces { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);
        Rpc = new JsonRpcClient(Http, new JsonRpcOptions { Endpoint = Node.Endpoint, ChainId = ChainId });
        Nonces = new NonceAllocator(Rpc);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        Http.Dispose();
    }

    /// <summary>A sender for Hardhat's default account <paramref name="account"/>.</summary>
    public Task<TransactionSender> SenderAsync(uint account) =>
        TransactionSender.CreateAsync(Rpc, new PrivateKeySigner(_wallet.Account(account)), Nonces,
            new TransactionSenderOptions { ChainId = ChainId, ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(5), ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(200) },
            null, CancellationToken.None);
}
