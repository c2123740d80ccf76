using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Nonces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Fee1559Suggestions;
using Nethereum.Signer;
using Nethereum.Web3;

namespace CoCoGen.Chain.Sending;

/// <summary>
/// Sends EIP-1559 transactions for one key on top of Nethereum: gas estimation (a revert surfaces as Nethereum's revert
/// exception before anything is signed) and fees from Nethereum's <see cref="SimpleFeeSuggestionStrategy"/> (asked at
/// once), gap-free nonces, signing with <see cref="SignedTransaction.Sign"/>, an idempotent broadcast (a retried send carries the same raw bytes and
/// hash; "already known" or "nonce too low" for that very hash counts as accepted), receipt polling, and replacement of a
/// stuck transaction with higher fees.
/// </summary>
public sealed partial class TransactionSender
{
    private readonly IWeb3 _web3;
    private readonly EthECKey _key;
    private readonly NonceAllocator _nonces;
    private readonly long _chainId;
    private readonly ReceiptPoller _poller;
    private readonly TransactionSenderOptions _options;
    private readonly ILogger _logger;

    /// <summary>
    /// A sender for <paramref name="key"/> on a node already checked to serve <paramref name="chainId"/> (see
    /// <see cref="Rpc.ChainEndpoint"/>). Senders that share an account must share <paramref name="nonces"/>.
    /// </summary>
    public TransactionSender(IWeb3 web3, long chainId, EthECKey key, NonceAllocator nonces, TransactionSenderOptions options, ILogger? logger)
    {
        _web3 = web3 ?? throw new ArgumentNullException(nameof(web3));
        _key = key ?? throw new ArgumentNullException(nameof(key));
        _nonces = nonces ?? throw new ArgumentNullException(nameof(nonces));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(chainId, 1);
        _chainId = chainId;
        _poller = new ReceiptPoller(web3, options.ReceiptPollInitialDelay, options.ReceiptPollMaxDelay);
        _logger = logger ?? NullLogger.Instance;
        Address = EthereumAddress.Parse(key.GetPublicAddress());
    }

    /// <summary>The sending account.</summary>
    public EthereumAddress Address { get; }

    /// <summary>The node connection this sender uses.</summary>
    public IWeb3 Web3 => _web3;

    /// <summary>Estimates gas, prices, signs and broadcasts.</summary>
    /// <exception cref="Nethereum.Contracts.SmartContractCustomErrorRevertException">The call reverts with a custom error; nothing was sent.</exception>
    /// <exception cref="Nethereum.ABI.FunctionEncoding.SmartContractRevertException">The call reverts with a reason string; nothing was sent.</exception>
    /// <exception cref="BroadcastOutcomeUnknownException">Every attempt failed in transport: the node may or may not hold the transaction.</exception>
    public async Task<SentTransaction> SendAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Two independent reads, asked at once: one round trip less per transaction. A revert at estimation still wins
        // (WhenAll rethrows the first task's exception first).
        var estimate = request.GasLimit is { } given ? Task.FromResult(given) : EstimateGasAsync(request, cancellationToken);
        var suggestion = _web3.FeeSuggestion.GetSimpleFeeSuggestionStrategy().SuggestFeeAsync().WaitAsync(cancellationToken);
        await Task.WhenAll(estimate, suggestion).ConfigureAwait(false);
        var (gasLimit, fees) = (estimate.Result, suggestion.Result);
        return await _nonces.UseNextAsync(Address, async (nonce, token) =>
        {
            var signed = SignedTransaction.Sign(_key, new Transaction1559(
                _chainId, nonce, fees.MaxPriorityFeePerGas!.Value, fees.MaxFeePerGas!.Value, gasLimit,
                request.To?.ToLowerHex(), request.Value, request.Data.ToHex(true), []));
            try
            {
                await BroadcastAsync(signed, token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException or TimeoutException)
            {
                throw new BroadcastOutcomeUnknownException(signed, exception);
            }

            return new SentTransaction(signed, request);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends and waits for the receipt.</summary>
    /// <exception cref="TransactionRevertedException">The transaction was mined but reverted (its revert decoded, when the node gives it).</exception>
    public async Task<MinedTransaction> SendAndWaitAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var mined = await WaitForReceiptAsync([sent], cancellationToken).ConfigureAwait(false);
        return mined.Succeeded ? mined : throw new TransactionRevertedException(mined, await ReplayRevertAsync(sent, mined).ConfigureAwait(false));
    }

    /// <summary>Waits, with backoff and the configured timeout, for the first of these transactions (e.g. an original and its replacements) to be mined.</summary>
    /// <exception cref="TimeoutException">None was mined within the receipt timeout.</exception>
    public async Task<MinedTransaction> WaitForReceiptAsync(IReadOnlyList<SentTransaction> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ReceiptTimeout);
        try
        {
            var receipt = await _poller.WaitForAnyAsync(candidates.Select(candidate => candidate.Hash).ToArray(), timeout.Token).ConfigureAwait(false);
            return MinedTransaction.Of(receipt);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No receipt for {string.Join(", ", candidates.Select(candidate => candidate.Hash))} within {_options.ReceiptTimeout}.", exception);
        }
    }

    /// <summary>
    /// Re-signs a pending transaction with the same nonce and content but fees raised by at least 12.5 % (nodes demand
    /// 10 %) and at least today's suggestion, and broadcasts it; whichever of the two is mined wins the nonce.
    /// </summary>
    public async Task<SentTransaction> ReplaceAsync(SentTransaction stuck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stuck);
        if (stuck.Transaction.Sender != Address)
        {
            throw new ArgumentException($"Transaction {stuck.Hash} was sent by {stuck.Transaction.Sender}, not {Address}.", nameof(stuck));
        }

        var old = stuck.Transaction.Fields;
        var current = await _web3.FeeSuggestion.GetSimpleFeeSuggestionStrategy().SuggestFeeAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var tip = BigInteger.Max(Raise(old.MaxPriorityFeePerGas!.Value), current.MaxPriorityFeePerGas!.Value);
        var maxFee = BigInteger.Max(BigInteger.Max(Raise(old.MaxFeePerGas!.Value), current.MaxFeePerGas!.Value), tip);
        var signed = SignedTransaction.Sign(_key, new Transaction1559(
            old.ChainId, old.Nonce!.Value, tip, maxFee, old.GasLimit!.Value, old.ReceiverAddress, old.Amount!.Value, old.Data, []));
        await BroadcastAsync(signed, cancellationToken).ConfigureAwait(false);
        LogReplaced(_logger, stuck.Hash, signed.Hash, stuck.Nonce, maxFee);
        return new SentTransaction(signed, stuck.Request);
    }

    private static BigInteger Raise(BigInteger value) => value + (value / 8) + 1;

    private async Task<long> EstimateGasAsync(TransactionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var estimate = await _web3.Eth.Transactions.EstimateGas.SendRequestAsync(CallOf(request)).WaitAsync(cancellationToken).ConfigureAwait(false);
            var gas = (long)estimate.Value;
            return checked(gas + (long)Math.Ceiling(gas * _options.GasMargin));
        }
        catch (RpcResponseException exception) when (RevertDecoding.FromRpcError(exception) is { } revert)
        {
            throw revert;
        }
    }

    private CallInput CallOf(TransactionRequest request) => new()
    {
        From = Address.ToLowerHex(),
        To = request.To?.ToLowerHex(),
        Data = request.Data.ToHex(true),
        Value = new HexBigInteger(request.Value),
    };

    // A transaction mined with status 0 lost a race between estimate and inclusion: calling it again on the state of its
    // block gives the node's revert data for it.
    private async Task<Exception?> ReplayRevertAsync(SentTransaction sent, MinedTransaction mined)
    {
        try
        {
            await _web3.Eth.Transactions.Call.SendRequestAsync(CallOf(sent.Request), new BlockParameter(new HexBigInteger(mined.BlockNumber))).ConfigureAwait(false);
            return null;
        }
        catch (RpcResponseException exception)
        {
            return RevertDecoding.FromRpcError(exception) ?? exception;
        }
        catch (Exception exception) when (exception is Nethereum.Contracts.SmartContractCustomErrorRevertException or Nethereum.ABI.FunctionEncoding.SmartContractRevertException)
        {
            return exception;
        }
    }

    private async Task BroadcastAsync(SignedTransaction signed, CancellationToken cancellationToken)
    {
        try
        {
            var reported = await _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signed.Raw.ToHex(true)).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (TransactionHash.Parse(reported) != signed.Hash)
            {
                throw new InvalidOperationException($"The node reported hash {reported} for transaction {signed.Hash}.");
            }
        }
        catch (RpcResponseException exception) when (MayBeOurOwnEarlierCopy(exception))
        {
            // A lost answer to an earlier attempt: the node already holds (or mined) these exact bytes.
            var known = await _web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(signed.Hash.ToString()).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (known is null)
            {
                throw;
            }

            LogAlreadyKnown(_logger, signed.Hash, exception.RpcError.Message);
        }
    }

    private static bool MayBeOurOwnEarlierCopy(RpcResponseException exception)
    {
        var message = exception.RpcError?.Message ?? string.Empty;
        return message.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("known transaction", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already imported", StringComparison.OrdinalIgnoreCase)
            || message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Transaction {Hash} was already accepted by the node ({NodeMessage}); treating the resend as done")]
    private static partial void LogAlreadyKnown(ILogger logger, TransactionHash hash, string nodeMessage);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Replaced stuck transaction {OldHash} with {NewHash} (nonce {Nonce}, max fee {MaxFeePerGas} wei/gas)")]
    private static partial void LogReplaced(ILogger logger, TransactionHash oldHash, TransactionHash newHash, long nonce, BigInteger maxFeePerGas);
}
