using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Nonces;
using CoCoGen.Chain.Rpc;
using CoCoGen.Chain.Signing;
using CoCoGen.Chain.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Chain.Sending;

/// <summary>
/// Sends EIP-1559 transactions for one signer: gas estimation, fee choice, gap-free nonces, idempotent broadcast
/// (a retried send carries the same raw bytes and hash; "already known" or "nonce too low" for that very hash
/// counts as accepted), receipt polling, and replacement of a stuck transaction with higher fees.
/// </summary>
public sealed partial class TransactionSender
{
    private readonly IEthereumRpc _rpc;
    private readonly ITransactionSigner _signer;
    private readonly NonceAllocator _nonces;
    private readonly FeeOracle _fees;
    private readonly ReceiptPoller _poller;
    private readonly TransactionSenderOptions _options;
    private readonly ILogger _logger;

    private TransactionSender(IEthereumRpc rpc, ITransactionSigner signer, NonceAllocator nonces, TransactionSenderOptions options, ILogger? logger)
    {
        _rpc = rpc;
        _signer = signer;
        _nonces = nonces;
        _options = options;
        _fees = new FeeOracle(rpc);
        _poller = new ReceiptPoller(rpc, options.ReceiptPollInitialDelay, options.ReceiptPollMaxDelay);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The sending account.</summary>
    public EthereumAddress Address => _signer.Address;

    /// <summary>The node this sender talks to.</summary>
    public IEthereumRpc Rpc => _rpc;

    /// <summary>
    /// Creates a sender after checking that the node serves <see cref="TransactionSenderOptions.ChainId"/>.
    /// Senders that share an account must share <paramref name="nonces"/>.
    /// </summary>
    /// <exception cref="ChainIdMismatchException">The node serves another chain.</exception>
    public static async Task<TransactionSender> CreateAsync(IEthereumRpc rpc, ITransactionSigner signer, NonceAllocator nonces, TransactionSenderOptions options, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChainId == 0)
        {
            throw new ArgumentException("TransactionSenderOptions.ChainId must be set.", nameof(options));
        }

        var actual = await rpc.ChainIdAsync(cancellationToken).ConfigureAwait(false);
        if (actual != options.ChainId)
        {
            throw new ChainIdMismatchException(rpc is JsonRpcClient client ? client.Endpoint.ToString() : rpc.GetType().Name, options.ChainId, actual);
        }

        return new TransactionSender(rpc, signer, nonces, options, logger);
    }

    /// <summary>Estimates gas (a revert surfaces here as <see cref="JsonRpcException"/>), prices, signs and broadcasts.</summary>
    /// <exception cref="BroadcastOutcomeUnknownException">Every attempt failed in transport: the node may or may not hold the transaction.</exception>
    public async Task<SentTransaction> SendAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gasLimit = request.GasLimit ?? await EstimateGasAsync(request, cancellationToken).ConfigureAwait(false);
        var fees = await _fees.SuggestAsync(cancellationToken).ConfigureAwait(false);
        return await _nonces.UseNextAsync(_signer.Address, async (nonce, token) =>
        {
            var transaction = new Eip1559Transaction
            {
                ChainId = _options.ChainId,
                Nonce = nonce,
                GasLimit = gasLimit,
                To = request.To,
                Value = request.Value,
                Data = request.Data,
                MaxFeePerGas = fees.MaxFeePerGas,
                MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            };
            var signed = await _signer.SignAsync(transaction, token).ConfigureAwait(false);
            try
            {
                await BroadcastAsync(signed, token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutException)
            {
                throw new BroadcastOutcomeUnknownException(signed, exception);
            }

            return new SentTransaction(signed, request);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends and waits for the receipt.</summary>
    /// <exception cref="TransactionRevertedException">The transaction was mined but reverted.</exception>
    public async Task<TransactionReceipt> SendAndWaitAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var receipt = await WaitForReceiptAsync([sent], cancellationToken).ConfigureAwait(false);
        return receipt.Succeeded ? receipt : throw new TransactionRevertedException(receipt);
    }

    /// <summary>Waits, with backoff and the configured timeout, for the first of these transactions (e.g. an original and its replacements) to be mined.</summary>
    /// <exception cref="TimeoutException">None was mined within the receipt timeout.</exception>
    public async Task<TransactionReceipt> WaitForReceiptAsync(IReadOnlyList<SentTransaction> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReceiptTimeout);
        try
        {
            return await _poller.WaitForAnyAsync(candidates.Select(candidate => candidate.Hash).ToArray(), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No receipt for {string.Join(", ", candidates.Select(candidate => candidate.Hash))} within {_options.ReceiptTimeout}.", exception);
        }
    }

    /// <summary>
    /// Re-signs a pending transaction with the same nonce and content but fees raised by at least 12.5 %
    /// (and at least today's suggestion), and broadcasts it; whichever of the two is mined wins the nonce.
    /// </summary>
    public async Task<SentTransaction> ReplaceAsync(SentTransaction stuck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stuck);
        if (stuck.Transaction.Transaction is not Eip1559Transaction old)
        {
            throw new ArgumentException("Only EIP-1559 transactions sent by this client can be replaced.", nameof(stuck));
        }

        if (stuck.Transaction.Sender != _signer.Address)
        {
            throw new ArgumentException($"Transaction {stuck.Hash} was sent by {stuck.Transaction.Sender}, not {_signer.Address}.", nameof(stuck));
        }

        var current = await _fees.SuggestAsync(cancellationToken).ConfigureAwait(false);
        var bumped = FeeOracle.Bump(new FeeSuggestion(old.MaxFeePerGas, old.MaxPriorityFeePerGas), current);
        var replacement = old with { MaxFeePerGas = bumped.MaxFeePerGas, MaxPriorityFeePerGas = bumped.MaxPriorityFeePerGas };
        var signed = await _signer.SignAsync(replacement, cancellationToken).ConfigureAwait(false);
        await BroadcastAsync(signed, cancellationToken).ConfigureAwait(false);
        LogReplaced(_logger, stuck.Hash, signed.HashHex, old.Nonce, bumped.MaxFeePerGas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SentTransaction(signed, stuck.Request);
    }

    private async Task<ulong> EstimateGasAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        var estimate = await _rpc.EstimateGasAsync(new CallRequest(_signer.Address, request.To, request.Data, request.Value), cancellationToken).ConfigureAwait(false);
        return checked(estimate + (ulong)Math.Ceiling(estimate * _options.GasMargin));
    }

    private async Task BroadcastAsync(SignedTransaction signed, CancellationToken cancellationToken)
    {
        try
        {
            var reported = await _rpc.SendRawTransactionAsync(signed.Raw, cancellationToken).ConfigureAwait(false);
            if (!string.Equals(reported, signed.HashHex, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The node reported hash {reported} for transaction {signed.HashHex}.");
            }
        }
        catch (JsonRpcException exception) when (MayBeOurOwnEarlierCopy(exception))
        {
            // A lost answer to an earlier attempt: the node already holds (or mined) these exact bytes.
            var known = await _rpc.GetTransactionByHashAsync(signed.HashHex, cancellationToken).ConfigureAwait(false);
            if (known is null)
            {
                throw;
            }

            LogAlreadyKnown(_logger, signed.HashHex, exception.RpcMessage);
        }
    }

    private static bool MayBeOurOwnEarlierCopy(JsonRpcException exception)
    {
        var message = exception.RpcMessage;
        return message.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("known transaction", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already imported", StringComparison.OrdinalIgnoreCase)
            || message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Transaction {Hash} was already accepted by the node ({NodeMessage}); treating the resend as done")]
    private static partial void LogAlreadyKnown(ILogger logger, string hash, string nodeMessage);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Replaced stuck transaction {OldHash} with {NewHash} (nonce {Nonce}, max fee {MaxFeePerGas} wei/gas)")]
    private static partial void LogReplaced(ILogger logger, string oldHash, string newHash, ulong nonce, string maxFeePerGas);
}
