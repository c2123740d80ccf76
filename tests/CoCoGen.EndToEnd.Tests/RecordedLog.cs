using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>Records every line logged through <see cref="Factory"/>.</summary>
internal sealed class RecordedLog : ILoggerProvider
{
    public RecordedLog() => Factory = new LoggerFactory([this]);

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILoggerFactory Factory { get; }

    public ILogger CreateLogger(string categoryName) => new Recorder(Lines);

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
