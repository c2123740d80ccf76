using System.Net;
using System.Net.Sockets;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// A JSON-RPC endpoint that forwards every request to a real node after a fixed delay: a slow chain on demand, so a
/// signal sent when a settlement starts reliably lands inside it (settling on a local node takes well under the
/// time a test needs to react).
/// </summary>
internal sealed class SlowRpcProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Uri _target;
    private readonly TimeSpan _delay;

    public SlowRpcProxy(string target, TimeSpan delay)
    {
        _target = new Uri(target);
        _delay = delay;
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
            await Task.Delay(_delay, _stop.Token);
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await _client.PostAsync(_target, content, _stop.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(_stop.Token);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes, _stop.Token);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            context.Response.Abort();
        }
    }
}
