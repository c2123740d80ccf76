using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Nethereum.Model;
using Nethereum.Util;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// A JSON-RPC endpoint in front of a real node, for faults a node cannot produce on demand. It names every raw
/// transaction that passes (the settlement contract's function, from its selector) and, at the N-th one, lets the node
/// mine it and then calls <c>crash</c> (SIGKILL of the sender) before the reply is passed on: the hardest moment to die,
/// a step that is on chain but that the process never learnt of. The kill is real; the proxy only chooses the instant.
/// With <see cref="Slow"/> it instead forwards every request after a fixed delay: a slow chain, so a signal sent when a
/// settlement starts reliably lands inside it (settling on a local node takes well under the time a test needs to react).
/// </summary>
internal sealed class CrashingRpcProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _target;
    private readonly int _crashAt;
    private readonly Action _crash;
    private readonly TimeSpan _delay;
    private readonly IReadOnlyDictionary<string, string> _functions;
    private readonly List<string> _transactions = [];
    private bool _crashed;

    /// <param name="target">The node's URL.</param>
    /// <param name="functions">Function name by 4-byte selector (hex, no 0x), from <see cref="Selectors"/>.</param>
    /// <param name="crashAt">1-based index of the raw transaction after which to crash; 0 never crashes.</param>
    /// <param name="crash">What crashing means (kill -9 of the run).</param>
    /// <param name="delay">How long every request waits before it is forwarded.</param>
    public CrashingRpcProxy(string target, IReadOnlyDictionary<string, string> functions, int crashAt, Action crash, TimeSpan delay = default)
    {
        _delay = delay;
        _target = new Uri(target);
        _functions = functions;
        _crashAt = crashAt;
        _crash = crash;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>A proxy that never crashes and forwards every request after <paramref name="delay"/>.</summary>
    public static CrashingRpcProxy Slow(string target, TimeSpan delay) =>
        new(target, new Dictionary<string, string>(), crashAt: 0, crash: () => { }, delay);

    /// <summary>Function names of the raw transactions seen so far, in the order they were sent.</summary>
    public IReadOnlyList<string> Transactions
    {
        get
        {
            lock (_transactions)
            {
                return [.. _transactions];
            }
        }
    }

    /// <summary>Whether the crash has happened.</summary>
    public bool Crashed
    {
        get
        {
            lock (_transactions)
            {
                return _crashed;
            }
        }
    }

    /// <summary>Function name by selector for every function in the contract's ABI (contracts/artifacts).</summary>
    public static IReadOnlyDictionary<string, string> Selectors(string repositoryRoot)
    {
        using var artifact = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "contracts", "artifacts", "CoCoGenSettlement.json")));
        var selectors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in artifact.RootElement.GetProperty("abi").EnumerateArray())
        {
            if (entry.GetProperty("type").GetString() != "function")
            {
                continue;
            }

            var name = entry.GetProperty("name").GetString()!;
            var types = entry.GetProperty("inputs").EnumerateArray().Select(CanonicalType);
            var signature = $"{name}({string.Join(',', types)})";
            selectors[Sha3Keccack.Current.CalculateHash(signature)[..8]] = name;
        }

        return selectors;
    }

    /// <summary>An ABI input's type as a selector spells it: a tuple as its components in parentheses.</summary>
    private static string CanonicalType(JsonElement input)
    {
        var type = input.GetProperty("type").GetString()!;
        return type.StartsWith("tuple", StringComparison.Ordinal)
            ? $"({string.Join(',', input.GetProperty("components").EnumerateArray().Select(CanonicalType))}){type["tuple".Length..]}"
            : type;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var crashAfter = Count(body.ToArray());
            await Task.Delay(_delay, _stop.Token);
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await _client.PostAsync(_target, content, _stop.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(_stop.Token);
            if (crashAfter)
            {
                // Mined (the node automines on receipt), but the sender never hears of it.
                _crash();
                context.Response.Abort();
                return;
            }

            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            context.Response.Abort();
        }
        catch (HttpListenerException)
        {
            // The client is gone (killed): nothing to answer.
        }
    }

    /// <summary>Records the raw transactions in a request; true when one of them is the one to crash after.</summary>
    private bool Count(byte[] request)
    {
        using var json = JsonDocument.Parse(request);
        var calls = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToArray() : [json.RootElement];
        var crash = false;
        foreach (var call in calls)
        {
            if (call.GetProperty("method").GetString() != "eth_sendRawTransaction")
            {
                continue;
            }

            var raw = call.GetProperty("params")[0].GetString()!;
            var transaction = TransactionFactory.CreateTransaction(raw);
            var data = (transaction as Transaction1559)?.Data ?? string.Empty;
            data = data.StartsWith("0x", StringComparison.Ordinal) ? data[2..] : data;
            var to = (transaction as Transaction1559)?.ReceiverAddress;
            var name = string.IsNullOrEmpty(to) ? "deploy"
                : data.Length >= 8 && _functions.TryGetValue(data[..8].ToLowerInvariant(), out var function) ? function
                : data.Length == 0 ? "transfer" : "unknown:" + data[..Math.Min(8, data.Length)];
            lock (_transactions)
            {
                _transactions.Add(name);
                if (!_crashed && _transactions.Count == _crashAt)
                {
                    _crashed = true;
                    crash = true;
                }
            }
        }

        return crash;
    }
}
