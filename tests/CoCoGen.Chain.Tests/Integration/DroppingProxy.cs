using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>
/// An in-process loopback HTTP proxy in front of the node that forwards every request but drops the answer of
/// every 2nd one (the connection is aborted), so the client sees a failure for work the node did.
/// </summary>
public sealed class DroppingProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new();
    private readonly Uri _target;
    private readonly Task _loop;
    private readonly List<(string Raw, bool Dropped, string Answer)> _rawTransactions = [];
    private int _requests;

    public DroppingProxy(Uri target)
    {
        _target = target;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public int DroppedAnswers { get; private set; }

    /// <summary>Every eth_sendRawTransaction that passed through, in order, and whether its answer was dropped.</summary>
    public IReadOnlyList<(string Raw, bool Dropped, string Answer)> RawTransactions
    {
        get
        {
            lock (_rawTransactions)
            {
                return [.. _rawTransactions];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopping the listener ends the accept loop.
        }
        catch (ObjectDisposedException)
        {
            // Same.
        }

        _upstream.Dispose();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var drop = Interlocked.Increment(ref _requests) % 2 == 0;
        using var forwarded = await _upstream.PostAsync(_target, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var answer = await forwarded.Content.ReadAsByteArrayAsync();
        using (var document = JsonDocument.Parse(body))
        {
            if (document.RootElement.GetProperty("method").GetString() == "eth_sendRawTransaction")
            {
                lock (_rawTransactions)
                {
                    _rawTransactions.Add((document.RootElement.GetProperty("params")[0].GetString()!, drop, System.Text.Encoding.UTF8.GetString(answer)));
                }
            }
        }

        if (drop)
        {
            DroppedAnswers++;
            context.Response.Abort();
            return;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = answer.Length;
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
