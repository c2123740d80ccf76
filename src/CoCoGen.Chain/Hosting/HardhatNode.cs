using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoCoGen.Chain.Rpc;
using Nethereum.JsonRpc.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Chain.Hosting;

/// <summary>
/// A local Hardhat node run as a child process (hardhat/bin/hardhat node --hostname 127.0.0.1 --port P): started,
/// awaited until eth_chainId answers with the expected chain, and stopped with its whole process tree on dispose.
/// </summary>
public sealed partial class HardhatNode : IAsyncDisposable
{
    private const int OutputLinesKept = 60;
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly ILogger _logger;

    private HardhatNode(Process process, Uri endpoint, long chainId, ILogger logger)
    {
        _process = process;
        Endpoint = endpoint;
        ChainId = chainId;
        _logger = logger;
    }

    /// <summary>The node's JSON-RPC endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The chain id it serves.</summary>
    public long ChainId { get; }

    /// <summary>The child process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the node printed (for diagnostics).</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>Starts the node and returns once it answers with the configured chain id.</summary>
    /// <exception cref="FileNotFoundException">hardhat/bin/hardhat is missing (run hardhat/setup.sh).</exception>
    /// <exception cref="InvalidOperationException">The node exited or did not answer in time; the message carries its output.</exception>
    public static async Task<HardhatNode> StartAsync(HardhatNodeOptions options, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.RepositoryRoot ?? RepositoryRoot.Find();
        var launcher = Path.Combine(root, "hardhat", "bin", "hardhat");
        if (!File.Exists(launcher))
        {
            throw new FileNotFoundException($"Hardhat launcher not found at {launcher}; run hardhat/setup.sh first.", launcher);
        }

        // A free port can be taken by someone else between probing and binding: try a few before giving up.
        var attempts = options.Port == 0 ? 3 : 1;
        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port == 0 ? FreePort() : options.Port;
            var node = Launch(launcher, root, port, options.ChainId, logger ?? NullLogger.Instance);
            try
            {
                await node.WaitUntilReadyAsync(options.StartupTimeout, cancellationToken).ConfigureAwait(false);
                return node;
            }
            catch (InvalidOperationException exception) when (attempt < attempts && node._process.HasExited)
            {
                LogRetryingPort(node._logger, port, exception.Message);
                await node.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await node.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static HardhatNode Launch(string launcher, string root, int port, long chainId, ILogger logger)
    {
        var startInfo = new ProcessStartInfo(launcher)
        {
            WorkingDirectory = Path.Combine(root, "hardhat"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "node", "--hostname", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var node = new HardhatNode(process, new Uri($"http://127.0.0.1:{port}/"), chainId, logger);
        process.OutputDataReceived += (_, line) => node.Remember(line.Data);
        process.ErrorDataReceived += (_, line) => node.Remember(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        LogStarting(logger, process.Id, node.Endpoint);
        return node;
    }

    /// <summary>Kills the node and its children and waits for them to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // The process already exited between the check and the kill.
        }
        finally
        {
            LogStopped(_logger, _process.Id);
            _process.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = new ChainEndpointOptions { CallTimeout = TimeSpan.FromSeconds(2), MaxAttempts = 1 };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Hardhat node exited with code {_process.ExitCode} before answering. Output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var endpoint = await ChainEndpoint.ConnectAsync(Endpoint, ChainId, options, null, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException or TimeoutException)
            {
                if (deadline.Elapsed > timeout)
                {
                    throw new InvalidOperationException($"Hardhat node at {Endpoint} did not answer within {timeout}. Output:{Environment.NewLine}{RecentOutput}", exception);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Started Hardhat node (pid {ProcessId}) at {Endpoint}")]
    private static partial void LogStarting(ILogger logger, int processId, Uri endpoint);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Hardhat node could not start on port {Port} ({Reason}); trying another port")]
    private static partial void LogRetryingPort(ILogger logger, int port, string reason);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Stopped Hardhat node (pid {ProcessId})")]
    private static partial void LogStopped(ILogger logger, int processId);
}
