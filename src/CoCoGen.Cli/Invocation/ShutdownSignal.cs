using System.Runtime.InteropServices;

namespace CoCoGen.Cli.Invocation;

/// <summary>
/// SIGINT and SIGTERM as a cancellation: the first asks the command to stop at its next safe point (a run saves
/// its checkpoint); a second one ends the process at once with <see cref="ExitCodes.Stopped"/>.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;

    public ShutdownSignal(TextWriter error)
    {
        _error = error;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The signal received, if any.</summary>
    public PosixSignal? Received { get; private set; }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Received is not null)
        {
            _error.WriteLine($"cocogen: second {Name(context.Signal)}, stopping now without a safe point");
            Environment.Exit(ExitCodes.Stopped);
        }

        Received = context.Signal;
        _error.WriteLine($"cocogen: {Name(context.Signal)} received, stopping at the next safe point (send it again to stop at once)");
        _stop.Cancel();
    }

    private static string Name(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";
}
