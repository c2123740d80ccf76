using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Chain.Rpc;

/// <summary>
/// Ethereum JSON-RPC over HTTP (System.Net.Http + System.Text.Json). Each attempt has its own timeout; transport
/// failures are retried with exponential backoff, which is safe because every method here is a read or the
/// resend of identical signed bytes (eth_sendRawTransaction). JSON-RPC error answers are never retried here.
/// </summary>
public sealed partial class JsonRpcClient : IEthereumRpc
{
    private readonly HttpClient _http;
    private readonly JsonRpcOptions _options;
    private readonly ILogger _logger;
    private long _nextId;

    /// <summary>Uses the given HttpClient (its own Timeout should be infinite or above the per-call timeout).</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public JsonRpcClient(HttpClient http, JsonRpcOptions options, ILogger<JsonRpcClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The endpoint this client talks to.</summary>
    public Uri Endpoint => _options.Endpoint!;

    /// <summary>The chain id this client is configured for.</summary>
    public ulong ExpectedChainId => _options.ChainId;

    /// <summary>Checks that the endpoint serves the configured chain; call once before sending anything.</summary>
    /// <exception cref="ChainIdMismatchException">The endpoint reports another chain id.</exception>
    public async Task EnsureChainAsync(CancellationToken cancellationToken)
    {
        var actual = await ChainIdAsync(cancellationToken).ConfigureAwait(false);
        if (actual != _options.ChainId)
        {
            throw new ChainIdMismatchException(Endpoint.ToString(), _options.ChainId, actual);
        }
    }

    /// <inheritdoc />
    public async Task<ulong> ChainIdAsync(CancellationToken cancellationToken) =>
        HexQuantity.DecodeUInt64((await SendAsync("eth_chainId", [], retry: true, cancellationToken).ConfigureAwait(false)).GetString()!);

    /// <inheritdoc />
    public async Task<ulong> BlockNumberAsync(CancellationToken cancellationToken) =>
        HexQuantity.DecodeUInt64((await SendAsync("eth_blockNumber", [], retry: true, cancellationToken).ConfigureAwait(false)).GetString()!);

    /// <inheritdoc />
    public async Task<BigInteger> GetBalanceAsync(EthereumAddress account, string blockTag, CancellationToken cancellationToken) =>
        HexQuantity.Decode((await SendAsync("eth_getBalance", [account.ToLowerHex(), blockTag], retry: true, cancellationToken).ConfigureAwait(false)).GetString()!);

    /// <inheritdoc />
    public async Task<ulong> GetTransactionCountAsync(EthereumAddress account, string blockTag, CancellationToken cancellationToken) =>
        HexQuantity.DecodeUInt64((await SendAsync("eth_getTransactionCount", [account.ToLowerHex(), blockTag], retry: true, cancellationToken).ConfigureAwait(false)).GetString()!);

    /// <inheritdoc />
    public async Task<BigInteger> MaxPriorityFeePerGasAsync(CancellationToken cancellationToken) =>
        HexQuantity.Decode((await SendAsync("eth_maxPriorityFeePerGas", [], retry: true, cancellationToken).ConfigureAwait(false)).GetString()!);

    /// <inheritdoc />
    public async Task<FeeHistory> FeeHistoryAsync(int blockCount, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken)
    {
        var result = await SendAsync("eth_feeHistory", [HexQuantity.Encode(blockCount), BlockTag.Latest, rewardPercentiles], retry: true, cancellationToken).ConfigureAwait(false);
        var baseFees = result.GetProperty("baseFeePerGas").EnumerateArray().Select(fee => HexQuantity.Decode(fee.GetString()!)).ToArray();
        var rewards = result.TryGetProperty("reward", out var reward) && reward.ValueKind == JsonValueKind.Array
            ? reward.EnumerateArray().Select(block => (IReadOnlyList<BigInteger>)block.EnumerateArray().Select(tip => HexQuantity.Decode(tip.GetString()!)).ToArray()).ToArray()
            : [];
        return new FeeHistory(HexQuantity.DecodeUInt64(result.GetProperty("oldestBlock").GetString()!), baseFees, rewards);
    }

    /// <inheritdoc />
    public async Task<ulong> EstimateGasAsync(CallRequest request, CancellationToken cancellationToken) =>
        HexQuantity.DecodeUInt64((await SendAsync("eth_estimateGas", [CallObject(request)], retry: true, cancellationToken).ConfigureAwait(false)).GetString()!);

    /// <inheritdoc />
    public async Task<byte[]> CallAsync(CallRequest request, string blockTag, CancellationToken cancellationToken) =>
        Hex.Decode((await SendAsync("eth_call", [CallObject(request), blockTag], retry: true, cancellationToken).ConfigureAwait(false)).GetString()!);

    /// <inheritdoc />
    public async Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken cancellationToken) =>
        (await SendAsync("eth_sendRawTransaction", [Hex.Encode(rawTransaction)], retry: true, cancellationToken).ConfigureAwait(false)).GetString()!;

    /// <inheritdoc />
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken)
    {
        var result = await SendAsync("eth_getTransactionReceipt", [transactionHash], retry: true, cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : ParseReceipt(result);
    }

    /// <inheritdoc />
    public async Task<RpcTransaction?> GetTransactionByHashAsync(string transactionHash, CancellationToken cancellationToken)
    {
        var result = await SendAsync("eth_getTransactionByHash", [transactionHash], retry: true, cancellationToken).ConfigureAwait(false);
        if (result.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var block = result.TryGetProperty("blockNumber", out var number) && number.ValueKind == JsonValueKind.String
            ? HexQuantity.DecodeUInt64(number.GetString()!)
            : (ulong?)null;
        return new RpcTransaction(result.GetProperty("hash").GetString()!, EthereumAddress.Parse(result.GetProperty("from").GetString()!),
            HexQuantity.DecodeUInt64(result.GetProperty("nonce").GetString()!), block);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(EthereumAddress address, ulong fromBlock, ulong toBlock, byte[]? topic0, CancellationToken cancellationToken)
    {
        var filter = new Dictionary<string, object?>
        {
            ["address"] = address.ToLowerHex(),
            ["fromBlock"] = HexQuantity.Encode(fromBlock),
            ["toBlock"] = HexQuantity.Encode(toBlock),
        };
        if (topic0 is not null)
        {
            filter["topics"] = new[] { Hex.Encode(topic0) };
        }

        var result = await SendAsync("eth_getLogs", [filter], retry: true, cancellationToken).ConfigureAwait(false);
        return result.EnumerateArray().Select(ParseLog).ToArray();
    }

    /// <inheritdoc />
    /// <remarks>Attempted once: development methods such as evm_mine are not idempotent.</remarks>
    public Task<JsonElement> RequestAsync(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken) =>
        SendAsync(method, parameters, retry: false, cancellationToken);

    private static Dictionary<string, object?> CallObject(CallRequest request)
    {
        var call = new Dictionary<string, object?> { ["data"] = Hex.Encode(request.Data) };
        if (request.From is { } from)
        {
            call["from"] = from.ToLowerHex();
        }

        if (request.To is { } to)
        {
            call["to"] = to.ToLowerHex();
        }

        if (!request.Value.IsZero)
        {
            call["value"] = HexQuantity.Encode(request.Value);
        }

        return call;
    }

    private static TransactionReceipt ParseReceipt(JsonElement receipt)
    {
        static EthereumAddress? OptionalAddress(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? EthereumAddress.Parse(value.GetString()!) : null;

        var effectivePrice = receipt.TryGetProperty("effectiveGasPrice", out var price) && price.ValueKind == JsonValueKind.String
            ? HexQuantity.Decode(price.GetString()!)
            : BigInteger.Zero;
        return new TransactionReceipt(
            receipt.GetProperty("transactionHash").GetString()!,
            HexQuantity.DecodeUInt64(receipt.GetProperty("blockNumber").GetString()!),
            HexQuantity.Decode(receipt.GetProperty("status").GetString()!) == 1,
            HexQuantity.DecodeUInt64(receipt.GetProperty("gasUsed").GetString()!),
            effectivePrice,
            EthereumAddress.Parse(receipt.GetProperty("from").GetString()!),
            OptionalAddress(receipt, "to"),
            OptionalAddress(receipt, "contractAddress"),
            receipt.GetProperty("logs").EnumerateArray().Select(ParseLog).ToArray());
    }

    private static LogEntry ParseLog(JsonElement log) => new(
        EthereumAddress.Parse(log.GetProperty("address").GetString()!),
        log.GetProperty("topics").EnumerateArray().Select(topic => Hex.Decode(topic.GetString()!)).ToArray(),
        Hex.Decode(log.GetProperty("data").GetString()!),
        HexQuantity.DecodeUInt64(log.GetProperty("blockNumber").GetString()!),
        log.GetProperty("transactionHash").GetString()!,
        HexQuantity.DecodeUInt64(log.GetProperty("logIndex").GetString()!));

    private async Task<JsonElement> SendAsync(string method, IReadOnlyList<object?> parameters, bool retry, CancellationToken cancellationToken)
    {
        var attempts = retry ? _options.MaxAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            var id = Interlocked.Increment(ref _nextId);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.CallTimeout);
            try
            {
                return await SendOnceAsync(method, parameters, id, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken) && attempt < attempts)
            {
                var delay = _options.RetryBaseDelay * Math.Pow(2, attempt - 1);
                LogRetry(_logger, method, attempt, attempts, delay.TotalMilliseconds, exception.Message);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{method} to {Endpoint} timed out after {attempt} attempt(s) of {_options.CallTimeout.TotalSeconds:0.###} s.", exception);
            }
        }
    }

    private async Task<JsonElement> SendOnceAsync(string method, IReadOnlyList<object?> parameters, long id, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object?> { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };
        using var response = await _http.PostAsJsonAsync(Endpoint, body, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests)
        {
            throw new HttpRequestException($"{method}: HTTP {(int)response.StatusCode} from {Endpoint}.", null, response.StatusCode);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = ParseBody(method, bytes, response.StatusCode);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var data = error.TryGetProperty("data", out var dataElement) ? DataText(dataElement) : null;
            throw new JsonRpcException(method, error.TryGetProperty("code", out var code) ? code.GetInt64() : 0,
                error.TryGetProperty("message", out var message) ? message.GetString() ?? string.Empty : string.Empty, data);
        }

        if (!root.TryGetProperty("result", out var result))
        {
            throw new HttpRequestException($"{method}: the answer from {Endpoint} has neither result nor error.");
        }

        return result.Clone();
    }

    private JsonDocument ParseBody(string method, byte[] bytes, HttpStatusCode status)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            throw new HttpRequestException($"{method}: HTTP {(int)status} from {Endpoint} is not JSON.", exception);
        }
    }

    // Nodes put revert data either directly in error.data ("0x…") or nested (error.data.data).
    private static string? DataText(JsonElement data) => data.ValueKind switch
    {
        JsonValueKind.String => data.GetString(),
        JsonValueKind.Object when data.TryGetProperty("data", out var inner) => DataText(inner),
        JsonValueKind.Null => null,
        _ => data.GetRawText(),
    };

    private static bool IsTransient(Exception exception, CancellationToken callerToken) => exception switch
    {
        HttpRequestException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        IOException => true,
        _ => false,
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "JSON-RPC {Method} attempt {Attempt}/{Attempts} failed ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, int attempt, int attempts, double delayMs, string reason);
}
