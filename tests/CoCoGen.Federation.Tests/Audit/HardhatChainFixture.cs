using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Keys;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;

namespace CoCoGen.Federation.Tests.Audit;

/// <summary>One real Hardhat node (hardhat/bin/hardhat, chain 31337) for the settlement tests, killed at the end.</summary>
public sealed class HardhatChainFixture : IAsyncLifetime
{
    public const long ChainId = 31337;

    private readonly DevelopmentWallet _wallet = new(DevelopmentWallet.HardhatMnemonic);

    private HardhatNode Node { get; set; } = null!;

    public ChainEndpoint Chain { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);
        Chain = await ChainEndpoint.ConnectAsync(Node.Endpoint, ChainId, null, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Chain.Dispose();
        await Node.DisposeAsync();
    }

    /// <summary>A sender for Hardhat's default account <paramref name="account"/>.</summary>
    public TransactionSender Sender(int account) =>
        Chain.Sender(_wallet.Key(account), new TransactionSenderOptions { ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(5), ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(200) });

    /// <summary>An account's balance in wei.</summary>
    public async Task<BigInteger> BalanceAsync(EthereumAddress account) =>
        (await Chain.Web3.Eth.GetBalance.SendRequestAsync(account.ToLowerHex())).Value;
}
