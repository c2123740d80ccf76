using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using CoCoGen.Chain.Signing;
using CoCoGen.Chain.Wallet;
using CoCoGen.Federation.Keys;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Ledger;

/// <summary>
/// One JSON-RPC endpoint, checked to be the configured chain, and the HD wallet whose accounts sign on
/// it: account <c>CoordinatorAccount</c> for the coordinator, the next ones for the organizations.
/// </summary>
public sealed class ChainConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly HdWallet _wallet;
    private readonly ILoggerFactory _loggers;

    private ChainConnection(HttpClient http, JsonRpcClient rpc, HdWallet wallet, ulong chainId, ILoggerFactory loggers)
    {
        _http = http;
        Rpc = rpc;
        _wallet = wallet;
        ChainId = chainId;
        _loggers = loggers;
        Nonces = new NonceManager(rpc);
    }

    /// <summary>The JSON-RPC client.</summary>
    public JsonRpcClient Rpc { get; }

    /// <summary>Nonces of every account used through this connection.</summary>
    public NonceManager Nonces { get; }

    /// <summary>The chain id the endpoint reported (equal to the configured one).</summary>
    public ulong ChainId { get; }

    /// <summary>Connects to <paramref name="endpoint"/>; refuses a chain whose id is not <paramref name="chainId"/>.</summary>
    public static async Task<ChainConnection> OpenAsync(Uri endpoint, ulong chainId, MnemonicSource mnemonic, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        ArgumentNullException.ThrowIfNull(loggers);
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var rpc = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = endpoint, ChainId = chainId }, loggers.CreateLogger<JsonRpcClient>());
            await rpc.EnsureChainAsync(cancellationToken).ConfigureAwait(false);
            return new ChainConnection(http, rpc, new HdWallet(mnemonic.Reveal()), chainId, loggers);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>A transaction sender for HD account <paramref name="index"/>.</summary>
    public Task<TransactionSender> SenderAsync(uint index, CancellationToken cancellationToken) =>
        TransactionSender.CreateAsync(
            Rpc,
            new PrivateKeySigner(_wallet.Account(index)),
            Nonces,
            new TransactionSenderOptions { ChainId = ChainId, ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(5), ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(250) },
            _loggers.CreateLogger<TransactionSender>(),
            cancellationToken);

    /// <summary>The address of HD account <paramref name="index"/>.</summary>
    public string AddressOf(uint index) => _wallet.Account(index).Address.ToLowerHex();

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
