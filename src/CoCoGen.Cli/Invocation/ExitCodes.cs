namespace CoCoGen.Cli.Invocation;

/// <summary>The exit codes of every `cocogen` command (docs/cli.md): other tools script against them.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A fault: the command was valid but something failed (a node down, a disk full, a bug).</summary>
    public const int Fault = 1;

    /// <summary>Bad input: one line names the option, setting, file, organization or round; nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>An audit found the chain and the run record in disagreement; each violation is listed.</summary>
    public const int AuditViolation = 3;

    /// <summary>Stopped by SIGINT or SIGTERM at a safe point; the run's checkpoint is saved and the line printed says how to resume.</summary>
    public const int Stopped = 130;
}
