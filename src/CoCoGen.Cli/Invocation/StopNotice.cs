using CoCoGen.Federation.Records;

namespace CoCoGen.Cli.Invocation;

/// <summary>The one line a command prints when a signal stopped it: where its checkpoint is and how to resume.</summary>
internal static class StopNotice
{
    /// <summary>The line for `cocogen <paramref name="command"/>` writing into <paramref name="runDirectory"/>.</summary>
    public static string For(string command, string runDirectory, string resumeSuffix = "")
    {
        var directory = new RunDirectory(runDirectory);
        return directory.HasCheckpoint
            ? $"cocogen {command}: stopped at a safe point; checkpoint saved in {directory.Path}; resume with: cocogen {command} --out {directory.Path} --resume{resumeSuffix}"
            : $"cocogen {command}: stopped before the first checkpoint; nothing to resume in {directory.Path}";
    }
}
