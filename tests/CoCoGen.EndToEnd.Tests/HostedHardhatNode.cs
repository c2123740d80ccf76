using System.Diagnostics;
using System.Text;
using CoCoGen.Chain.Rpc;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// The repository's Hardhat node (hardhat/bin/hardhat node) run on a <see cref="VirtualHost"/> of its own, listening
/// on that host's address, so every other process reaches the chain over the virtual network.
/// </summary>
internal sealed class HostedHardhatNode : IAsyncDisposable
{
    private const int Port = 8545;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostedHardhatNode(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the node on <paramref name="host"/> and returns once it answers eth_chainId from the test's namespace.</summary>
    public static async Task<HostedHardhatNode> StartAsync(string repositoryRoot, VirtualHost host, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "netns", "exec", host.Namespace, Path.Combine(repositoryRoot, "hardhat", "bin", "hardhat"), "node", "--hostname", host.Address, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var node = new HostedHardhatNode(new Process { StartInfo = start }, new Uri($"http://{host.Address}:{Port}/"));
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var endpoint = await ChainEndpoint.ConnectAsync(node.Endpoint, 31337, new ChainEndpointOptions { CallTimeout = TimeSpan.FromSeconds(2), MaxAttempts = 1 }, null, CancellationToken.None);
                return node;
            }
            catch (Exception ex) when (!node._process.HasExited && DateTime.UtcNow < deadline && ex is not OutOfMemoryException)
            {
                await Task.Delay(250);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var output = node.Output;
                await node.DisposeAsync();
                throw new InvalidOperationException($"the Hardhat node on {host.Namespace} did not answer at {node.Endpoint} within {timeout}: {ex.Message}\n{output}", ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
