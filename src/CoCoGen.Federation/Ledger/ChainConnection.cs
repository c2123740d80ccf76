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

    private volatile bool _verified;

    /// <summary>
    /// Prepares a connection to <paramref name="endpoint"/>; the first use checks that the endpoint's chain
    /// id is <paramref name="chainId"/> and refuses it otherwise.
    /// </summary>
    public ChainConnection(Uri endpoint, ulong chainId, MnemonicSource mnemonic, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(mnemonic);
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Rpc = new JsonRpcClient(_http, new JsonRpcOptions { Endpoint = endpoint, ChainId = chainId }, loggers.CreateLogger<JsonRpcClient>());
        _wallet = new HdWallet(mnemonic.Reveal());
        ChainId = chainId;
        Nonces = new NonceAllocator(Rpc);
    }

    /// <summary>The JSON-RPC client.</summary>
    public JsonRpcClient Rpc { get; }

    /// <summary>Nonces of every account used through this connection.</summary>
    public NonceAllocator Nonces { get; }

    /// <summary>The configured chain id (the endpoint must report it).</summary>
    public ulong ChainId { get; }

    /// <summary>Checks, once, that the endpoint is the configured chain.</summary>
    public async Task EnsureChainAsync(CancellationToken cancellationToken)
    {
        if (!_verified)
        {
            await Rpc.EnsureChainAsync(cancellationToken).ConfigureAwait(false);
            _verified = true;
        }
    }

    /// <summary>A transaction sender for HD account <paramref name="index"/>.</summary>
    public async Task<TransactionSender> SenderAsync(uint index, CancellationToken cancellationToken)
    {
        await EnsureChainAsync(cancellationToken).ConfigureAwait(false);
        return await TransactionSender.CreateAsync(
            Rpc,
            new PrivateKeySigner(_wallet.Account(index)),
            Nonces,
            new TransactionSenderOptions { ChainId = ChainId, ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(5), ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(250) },
            _loggers.CreateLogger<TransactionSender>(),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The address of HD account <paramref name="index"/>.</summary>
    public string AddressOf(uint index) => _wallet.Account(index).Address.ToLowerHex();

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
