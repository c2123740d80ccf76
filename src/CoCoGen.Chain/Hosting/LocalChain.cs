using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;

namespace CoCoGen.Chain.Hosting;

/// <summary>
/// The local chain that outlives a command: an anvil node whose state is written to a file in its folder every
/// second and on shutdown, and reloaded when it starts again, so a run can be audited or resumed after the
/// command that started the chain has ended. It runs in a session of its own (setsid): a Ctrl-C on the
/// terminal, or a kill -9 of the command that started it, does not reach it. It is the one process a
/// command may leave behind; <see cref="DownAsync"/> stops it.
/// </summary>
public static partial class LocalChain
{
    private const string DescriptorFile = "chain.json";
    private const string StateFile = "state.json";
    private const string LogFile = "anvil.log";

    // The public development mnemonic shared by Hardhat and anvil: the local demo chain's accounts are no secret.
    private const string DevelopmentMnemonic = "test test test test test test test test test test test junk";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Starts the chain in <see cref="LocalChainOptions.Directory"/> unless it is already running there;
    /// returns once it answers with the configured chain id.
    /// </summary>
    /// <exception cref="FileNotFoundException">No anvil executable was found.</exception>
    /// <exception cref="InvalidOperationException">The port is taken by another process, or the node did not come up.</exception>
    public static async Task<LocalChainStatus> UpAsync(LocalChainOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var current = await StatusAsync(options, cancellationToken).ConfigureAwait(false);
        if (current.Running)
        {
            return current;
        }

        var anvil = ResolveAnvil(options.Anvil);
        Directory.CreateDirectory(options.Directory);
        var endpoint = new Uri($"http://127.0.0.1:{options.Port}/");
        if (await ChainIdAsync(endpoint, cancellationToken).ConfigureAwait(false) is { } other)
        {
            throw new InvalidOperationException(
                $"port {options.Port} already serves a chain (id {other}) that is not the local chain of {options.Directory}; stop it or choose another port");
        }

        var state = Path.Combine(options.Directory, StateFile);
        var log = Path.Combine(options.Directory, LogFile);
        var arguments = string.Join(' ', new[]
        {
            Quote(anvil), "--host", "127.0.0.1", "--port", Invariant(options.Port), "--chain-id", Invariant(options.ChainId),
            "--accounts", Invariant(options.Accounts), "--balance", "1000000", "--mnemonic", Quote(DevelopmentMnemonic),
            "--state", Quote(state), "--state-interval", "1",
        });

        // setsid: a session and process group of its own, detached from the caller's terminal and signals.
        // The shell only redirects and execs, so the recorded pid is anvil's own.
        var start = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var argument in new[] { "sh", "-c", $"exec {arguments} >>{Quote(log)} 2>&1 </dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start setsid");
        var descriptor = new LocalChainDescriptor(process.Id, options.Port, options.ChainId, DateTimeOffset.UtcNow);
        await File.WriteAllTextAsync(Path.Combine(options.Directory, DescriptorFile), JsonSerializer.Serialize(descriptor, Json), cancellationToken)
            .ConfigureAwait(false);
        LogStarting(logger, process.Id, endpoint, options.Directory);

        try
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < options.StartupTimeout)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"anvil exited with code {process.ExitCode} before answering; see {log}");
                }

                if (await ChainIdAsync(endpoint, cancellationToken).ConfigureAwait(false) is { } id)
                {
                    return id == options.ChainId
                        ? await StatusAsync(options, cancellationToken).ConfigureAwait(false)
                        : throw new InvalidOperationException($"the local chain answered with chain id {id}, not {options.ChainId}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }

            throw new InvalidOperationException($"anvil did not answer at {endpoint} within {options.StartupTimeout.TotalSeconds:F0} s; see {log}");
        }
        catch
        {
            // A node that did not come up as asked is not left behind for `status` and `down` to miss.
            if (!process.HasExited)
            {
                process.Kill();
            }

            File.Delete(Path.Combine(options.Directory, DescriptorFile));
            throw;
        }
    }

    /// <summary>Whether the chain of <see cref="LocalChainOptions.Directory"/> is running, and where.</summary>
    public static async Task<LocalChainStatus> StatusAsync(LocalChainOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var descriptor = ReadDescriptor(options.Directory);
        var port = descriptor?.Port ?? options.Port;
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        if (descriptor is null || !IsAnvil(descriptor.ProcessId))
        {
            return new LocalChainStatus(options.Directory, false, null, endpoint, options.ChainId, null);
        }

        var chainId = await ChainIdAsync(endpoint, cancellationToken).ConfigureAwait(false);
        var block = chainId is null ? null : await BlockNumberAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return new LocalChainStatus(options.Directory, chainId == descriptor.ChainId, descriptor.ProcessId, endpoint, descriptor.ChainId, block);
    }

    /// <summary>
    /// Stops the chain of <see cref="LocalChainOptions.Directory"/> (SIGTERM, so anvil writes its state; SIGKILL
    /// after 10 s); false when none was running. The state stays for the next <see cref="UpAsync"/>.
    /// </summary>
    public static async Task<bool> DownAsync(LocalChainOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var descriptor = ReadDescriptor(options.Directory);
        if (descriptor is null || !IsAnvil(descriptor.ProcessId))
        {
            File.Delete(Path.Combine(options.Directory, DescriptorFile));
            return false;
        }

        using var process = Process.GetProcessById(descriptor.ProcessId);
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", Invariant(descriptor.ProcessId)]) { UseShellExecute = false }))
        {
            await term!.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill();
        }

        File.Delete(Path.Combine(options.Directory, DescriptorFile));
        LogStopped(logger, descriptor.ProcessId, options.Directory);
        return true;
    }

    private static LocalChainDescriptor? ReadDescriptor(string directory)
    {
        var path = Path.Combine(directory, DescriptorFile);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<LocalChainDescriptor>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null; // a descriptor torn by a crash describes no running chain
        }
    }

    // A recorded pid can be reused by an unrelated process after a reboot: trust it only while it is anvil.
    private static bool IsAnvil(int processId)
    {
        try
        {
            var command = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return command.Contains("anvil", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string ResolveAnvil(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new FileNotFoundException($"anvil not found at {configured}", configured);
        }

        try
        {
            var bundled = Path.Combine(RepositoryRoot.Find(), "tools", "anvil", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
            if (File.Exists(bundled))
            {
                return bundled;
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Installed outside a checkout: fall back to the PATH.
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "anvil");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("anvil not found: run scripts/setup.sh (it installs tools/anvil), put anvil on the PATH, or set Chain:Anvil");
    }

    private static Task<long?> ChainIdAsync(Uri endpoint, CancellationToken cancellationToken) =>
        QuantityAsync(endpoint, web3 => web3.Eth.ChainId.SendRequestAsync(), cancellationToken);

    private static Task<long?> BlockNumberAsync(Uri endpoint, CancellationToken cancellationToken) =>
        QuantityAsync(endpoint, web3 => web3.Eth.Blocks.GetBlockNumber.SendRequestAsync(), cancellationToken);

    // A readiness probe: an account-less client with one short timeout; no answer is null, not an error.
    private static async Task<long?> QuantityAsync(Uri endpoint, Func<Web3, Task<HexBigInteger>> request, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            return (long)(await request(new Web3(new RpcClient(endpoint, http))).WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Started the local chain (anvil, pid {ProcessId}) at {Endpoint}, state in {Directory}")]
    private static partial void LogStarting(ILogger logger, int processId, Uri endpoint, string directory);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Stopped the local chain (pid {ProcessId}) of {Directory}")]
    private static partial void LogStopped(ILogger logger, int processId, string directory);
}
