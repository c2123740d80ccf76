using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Sending;
using CoCoGen.Federation.Adapters.Keys;
using Microsoft.Extensions.Logging;
using Nethereum.Signer;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>
/// One JSON-RPC endpoint, checked once (on first use) to be the configured chain, and the keys this process holds
/// (<see cref="PartyKeys"/>): reading needs none, sending signs with the party's own key.
/// </summary>
public sealed class ChainConnection : IDisposable
{
    private readonly Uri _endpoint;
    private readonly ILoggerFactory _loggers;
    private readonly SemaphoreSlim _connect = new(1, 1);
    private ChainEndpoint? _chain;

    /// <summary>Prepares a connection to <paramref name="endpoint"/>, which must serve <paramref name="chainId"/>.</summary>
    public ChainConnection(Uri endpoint, long chainId, PartyKeys keys, ILoggerFactory loggers)
    {
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _loggers = loggers ?? throw new ArgumentNullException(nameof(loggers));
        ChainId = chainId;
    }

    /// <summary>The configured chain id (the endpoint must report it).</summary>
    public long ChainId { get; }

    /// <summary>The keys this process holds.</summary>
    public PartyKeys Keys { get; }

    /// <summary>The endpoint, connected and checked (once) to serve <see cref="ChainId"/>.</summary>
    /// <exception cref="ChainIdMismatchException">It serves another chain.</exception>
    public async Task<ChainEndpoint> EndpointAsync(CancellationToken cancellationToken)
    {
        if (_chain is { } connected)
        {
            return connected;
        }

        await _connect.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _chain ??= await ChainEndpoint.ConnectAsync(_endpoint, ChainId, null, _loggers, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connect.Release();
        }
    }

    /// <summary>A sender signing with <paramref name="key"/>; every sender of one account shares the endpoint's nonces.</summary>
    public async Task<TransactionSender> SenderAsync(EthECKey key, CancellationToken cancellationToken) =>
        (await EndpointAsync(cancellationToken).ConfigureAwait(false)).Sender(key, new TransactionSenderOptions
        {
            ReceiptPollInitialDelay = TimeSpan.FromMilliseconds(5),
            ReceiptPollMaxDelay = TimeSpan.FromMilliseconds(250),
        });

    /// <inheritdoc/>
    public void Dispose()
    {
        _chain?.Dispose();
        _connect.Dispose();
    }
}
