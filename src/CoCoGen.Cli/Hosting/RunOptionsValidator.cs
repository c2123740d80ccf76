using CoCoGen.Federation.Records;
using Microsoft.Extensions.Options;

namespace CoCoGen.Cli.Hosting;

/// <summary>Checks <see cref="RunOptions"/> against the directory: no run overwritten, no resume of nothing.</summary>
public sealed class RunOptionsValidator : IValidateOptions<RunOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Out))
        {
            return ValidateOptionsResult.Skip;
        }

        var directory = new RunDirectory(options.Out);
        if (options.Resume && !directory.HasCheckpoint)
        {
            return ValidateOptionsResult.Fail($"Run:Resume: '{options.Out}' holds no checkpoint to resume");
        }

        if (!options.Resume && (directory.HasCheckpoint || File.Exists(directory.RoundsFile)))
        {
            return ValidateOptionsResult.Fail($"Run:Out: '{options.Out}' already holds a run; pass --resume to continue it or choose another directory");
        }

        return ValidateOptionsResult.Success;
    }
}
