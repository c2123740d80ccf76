using System.Diagnostics;
using System.Globalization;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;

namespace CoCoGen.Cli.Presentation;

/// <summary>
/// Progress where no terminal shows a live display (a pipe, nohup, CI): one line per step with the time elapsed
/// since the command started, written as it happens.
/// </summary>
internal sealed class ProgressLineWriter(TextWriter output) : IProgress<RunProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var elapsed = _clock.Elapsed;
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{(int)elapsed.TotalMinutes:D2}:{elapsed.Seconds:D2}.{elapsed.Milliseconds / 100}] {value.Message}"));
            output.Flush();
        }
    }
}
