using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;

namespace CoCoGen.Chain.Rpc;

/// <summary>
/// One JSON-RPC endpoint, checked to serve the expected chain before anything else is done with it: an account-less
/// Nethereum <see cref="Nethereum.Web3.Web3"/> (reading needs no key) over an HTTP stack that retries transport failures,
/// the nonces of every account that signs through it, and senders for the keys a party holds.
/// </summary>
public sealed class ChainEndpoint : IDisposable
{
    private readonly HttpClient _http;
    private readonly ILoggerFactory _loggers;

    private ChainEndpoint(Uri endpoint, long chainId, HttpClient http, Web3 web3, ILoggerFactory loggers)
    {
        Endpoint = endpoint;
        ChainId = chainId;
        _http = http;
        Web3 = web3;
        _loggers = loggers;
        Nonces = new NonceAllocator(web3);
    }

    /// <summary>The endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The chain id the endpoint reported (the one expected).</summary>
    public long ChainId { get; }

    /// <summary>Nethereum's account-less client of the endpoint (calls, logs, receipts).</summary>
    public IWeb3 Web3 { get; }

    /// <summary>Nonces of every account that sends through this endpoint.</summary>
    public NonceAllocator Nonces { get; }

    /// <summary>Connects and refuses an endpoint whose eth_chainId is not <paramref name="expectedChainId"/>.</summary>
    /// <exception cref="ChainIdMismatchException">The endpoint serves another chain.</exception>
    public static async Task<ChainEndpoint> ConnectAsync(Uri endpoint, long expectedChainId, ChainEndpointOptions? options, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedChainId, 1);
        options ??= new ChainEndpointOptions();
        loggers ??= NullLoggerFactory.Instance;
        var handler = new RetryingHttpHandler(new SocketsHttpHandler(), options.MaxAttempts, options.CallTimeout, options.InitialBackoff, loggers.CreateLogger<RetryingHttpHandler>());
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            // The handler bounds every attempt; Nethereum's own (static, 120 s) timeout outlasts the default four.
            var web3 = new Web3(new RpcClient(endpoint, http, null, null, null));
            var actual = (long)(await web3.Eth.ChainId.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
            if (actual != expectedChainId)
            {
                throw new ChainIdMismatchException(endpoint, expectedChainId, actual);
            }

            return new ChainEndpoint(endpoint, actual, http, web3, loggers);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>A sender that signs with <paramref name="key"/> on this chain, sharing this endpoint's nonces.</summary>
    public TransactionSender Sender(EthECKey key, TransactionSenderOptions? options = null) =>
        new(Web3, ChainId, key, Nonces, options ?? new TransactionSenderOptions(), _loggers.CreateLogger<TransactionSender>());

    /// <summary>The latest block number.</summary>
    public async Task<long> BlockNumberAsync(CancellationToken cancellationToken) =>
        (long)(await Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The latest block's timestamp (Unix seconds).</summary>
    public async Task<long> LatestBlockTimeAsync(CancellationToken cancellationToken)
    {
        var block = await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()).WaitAsync(cancellationToken).ConfigureAwait(false);
        return (long)block.Timestamp.Value;
    }

    /// <summary>The receipt of <paramref name="hash"/>, or null when it is not mined.</summary>
    public async Task<MinedTransaction?> ReceiptAsync(TransactionHash hash, CancellationToken cancellationToken)
    {
        var receipt = await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash.ToString()).WaitAsync(cancellationToken).ConfigureAwait(false);
        return receipt is null ? null : MinedTransaction.Of(receipt);
    }

    /// <summary>
    /// Moves a development chain's clock forward by <paramref name="seconds"/> and mines a block (Hardhat's and Anvil's
    /// evm_increaseTime and evm_mine).
    /// </summary>
    public async Task AdvanceDevelopmentClockAsync(long seconds, CancellationToken cancellationToken)
    {
        await Web3.Client.SendRequestAsync<object>(new RpcRequest(1, "evm_increaseTime", seconds)).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Web3.Client.SendRequestAsync<object>(new RpcRequest(1, "evm_mine")).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
