using System.Net;
using System.Net.Sockets;
using CoCoGen.Chain.Rpc;

namespace CoCoGen.Chain.Tests.Rpc;

// A loopback HTTP server scripted per request: the client's timeout, retry and error paths against real sockets.
public sealed class JsonRpcClientTransportTests
{
    [Fact]
    public async Task A_timed_out_attempt_is_retried_and_the_second_answer_is_used()
    {
        await using var server = new ScriptedServer(
            async context => { await Task.Delay(1500); await ScriptedServer.AnswerAsync(context, """{"jsonrpc":"2.0","id":1,"result":"0x1"}"""); },
            context => ScriptedServer.AnswerAsync(context, """{"jsonrpc":"2.0","id":2,"result":"0x7a69"}"""));
        using var http = new HttpClient();
        var client = new JsonRpcClient(http, new JsonRpcOptions
        {
            Endpoint = server.Endpoint, ChainId = 31337, CallTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 3, RetryBaseDelay = TimeSpan.Zero,
        });
        Assert.Equal(31337UL, await client.ChainIdAsync(CancellationToken.None));
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_failure_names_the_method()
    {
        await using var server = new ScriptedServer(Enumerable.Repeat<Func<HttpListenerContext, Task>>(context => ScriptedServer.AnswerAsync(context, "busy", HttpStatusCode.ServiceUnavailable), 5).ToArray());
        using var http = new HttpClient();
        var client = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = server.Endpoint, ChainId = 31337, MaxAttempts = 3, RetryBaseDelay = TimeSpan.Zero });
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => client.BlockNumberAsync(CancellationToken.None));
        Assert.Contains("eth_blockNumber", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Json_rpc_errors_are_not_retried_and_carry_revert_data()
    {
        await using var server = new ScriptedServer(context => ScriptedServer.AnswerAsync(context,
            """{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted","data":"0x4e487b710000000000000000000000000000000000000000000000000000000000000011"}}"""));
        using var http = new HttpClient();
        var client = new JsonRpcClient(http, new JsonRpcOptions { Endpoint = server.Endpoint, ChainId = 31337, MaxAttempts = 3 });
        var error = await Assert.ThrowsAsync<JsonRpcException>(() => client.CallAsync(new CallRequest(null, null, []), BlockTag.Latest, CancellationToken.None));
        Assert.Equal(3, error.Code);
        Assert.Equal(36, error.RevertData!.Length);
        Assert.Equal("Panic 0x11", CoCoGen.Chain.Abi.RevertReason.Decode(error.RevertData).ToString());
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8545", 31337UL)]
    [InlineData("http://127.0.0.1:8545", 0UL)]
    public void Invalid_options_are_rejected_at_construction(string endpoint, ulong chainId)
    {
        using var http = new HttpClient();
        var exception = Assert.Throws<ArgumentException>(() => new JsonRpcClient(http, new JsonRpcOptions { Endpoint = new Uri(endpoint), ChainId = chainId }));
        Assert.Contains("JsonRpcOptions", exception.Message, StringComparison.Ordinal);
    }

    private sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private int _requests;

        public ScriptedServer(params Func<HttpListenerContext, Task>[] script)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Endpoint.ToString());
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                foreach (var step in script)
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

                    Interlocked.Increment(ref _requests);
                    _ = Task.Run(() => step(context));
                }
            });
        }

        public Uri Endpoint { get; }

        public int Requests => Volatile.Read(ref _requests);

        public static async Task AnswerAsync(HttpListenerContext context, string body, HttpStatusCode status = HttpStatusCode.OK)
        {
            try
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = (int)status;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                // The client gave up on this attempt already, or the test is over.
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
