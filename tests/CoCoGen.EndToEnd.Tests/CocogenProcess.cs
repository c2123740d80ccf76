using System.Diagnostics;
using System.Text;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>A `cocogen` process started by a test, with its output kept for assertions and failure messages.</summary>
internal sealed class CocogenProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public CocogenProcess(string workingDirectory, params string[] arguments)
        : this(workingDirectory, null, arguments)
    {
    }

    /// <summary>Starts cocogen with <paramref name="environment"/> applied to the inherited environment (null removes a variable).</summary>
    public CocogenProcess(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
        : this(null, workingDirectory, environment, arguments)
    {
    }

    // In a network namespace, `ip netns exec` execs dotnet in place, so the process (and its id) is cocogen's own.
    private CocogenProcess(string? networkNamespace, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, string[] arguments)
    {
        var start = new ProcessStartInfo(networkNamespace is null ? "dotnet" : "ip")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        if (networkNamespace is not null)
        {
            foreach (var argument in new[] { "netns", "exec", networkNamespace, "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cocogen.dll"));

        // Every process this one starts inherits the marker, so a test can find any it left behind.
        start.Environment[MarkerVariable] = Marker;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts cocogen on <paramref name="host"/> of a <see cref="VirtualNetwork"/> (its own network namespace).</summary>
    public static CocogenProcess On(VirtualHost host, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        new(host.Namespace, workingDirectory, environment, arguments);

    public const string MarkerVariable = "COCOGEN_TEST_PROCESS";

    public int Id => _process.Id;

    public string Marker { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Sends a POSIX signal (TERM, INT, KILL) to the process.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits until the output holds a line containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"cocogen never printed '{text}' (exited: {_process.HasExited}):\n{Output}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Processes still alive that carry this process's marker (itself or anything it started), except <paramref name="allowed"/>.</summary>
    public IReadOnlyList<int> Survivors(params int[] allowed)
    {
        var needle = $"{MarkerVariable}={Marker}";
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || allowed.Contains(pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(entry, "environ")).Split('\0').Contains(needle) && !IsZombie(entry))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone between listing and reading.
            }
        }

        return found;
    }

    private static bool IsZombie(string procEntry) =>
        File.ReadAllLines(Path.Combine(procEntry, "status")).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));

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

    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"cocogen did not exit within {timeout}:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
