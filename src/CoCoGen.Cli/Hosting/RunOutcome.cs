using CoCoGen.Federation.Protocol;

namespace CoCoGen.Cli.Hosting;

/// <summary>What a hosted run ended with, read by the command after the host stops.</summary>
public sealed class RunOutcome
{
    /// <summary>The summary of a completed run.</summary>
    public RunSummary? Summary { get; set; }

    /// <summary>Why the run failed, if it did.</summary>
    public Exception? Failure { get; set; }
}
