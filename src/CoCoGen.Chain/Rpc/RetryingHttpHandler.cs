using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Chain.Rpc;

/// <summary>
/// The HTTP under Nethereum's <c>RpcClient</c>: each attempt has its own timeout, and a transport failure (timeout,
/// refused or dropped connection, HTTP 5xx or 429) is retried with exponential backoff. A retry resends the identical
/// request body, so a retried <c>eth_sendRawTransaction</c> carries the same signed bytes and hash; the node's
/// "already known" answer to such a resend is handled by the sender. JSON-RPC error answers are never retried here.
/// </summary>
public sealed partial class RetryingHttpHandler : DelegatingHandler
{
    private readonly int _maxAttempts;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _initialBackoff;
    private readonly ILogger _logger;

    /// <summary>Retries up to <paramref name="maxAttempts"/> attempts of <paramref name="attemptTimeout"/> each.</summary>
    public RetryingHttpHandler(HttpMessageHandler inner, int maxAttempts, TimeSpan attemptTimeout, TimeSpan initialBackoff, ILogger? logger)
        : base(inner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _maxAttempts = maxAttempts;
        _attemptTimeout = attemptTimeout;
        _initialBackoff = initialBackoff;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var mediaType = request.Content?.Headers.ContentType;
        var backoff = _initialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            using var attemptRequest = new HttpRequestMessage(request.Method, request.RequestUri);
            foreach (var header in request.Headers)
            {
                attemptRequest.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (body is not null)
            {
                attemptRequest.Content = new ByteArrayContent(body);
                attemptRequest.Content.Headers.ContentType = mediaType;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_attemptTimeout);
            string failure;
            try
            {
                var response = await base.SendAsync(attemptRequest, timeout.Token).ConfigureAwait(false);
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    // Read the body inside the attempt: a connection dropped mid-answer is a transport failure too, and so
                    // is an empty body (a JSON-RPC server always answers with a JSON object).
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                    if ((await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false)).Length > 0 || attempt >= _maxAttempts)
                    {
                        return response;
                    }

                    failure = "empty answer";
                }
                else
                {
                    failure = $"HTTP {(int)response.StatusCode}";
                }

                if (attempt >= _maxAttempts)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && attempt < _maxAttempts
                && exception is HttpRequestException or IOException or OperationCanceledException)
            {
                failure = exception.GetType().Name;
            }

            LogRetry(_logger, request.RequestUri, attempt, failure);
            await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            backoff += backoff;
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "JSON-RPC attempt {Attempt} to {Endpoint} failed in transport ({Failure}); resending the same request")]
    private static partial void LogRetry(ILogger logger, Uri? endpoint, int attempt, string failure);
}
