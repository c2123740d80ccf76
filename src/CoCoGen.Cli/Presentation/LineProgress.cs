namespace CoCoGen.Cli.Presentation;

/// <summary>
/// Progress lines written on the reporting thread, one at a time: <see cref="Progress{T}"/> would post each line to
/// the thread pool, where lines can overtake each other and outlive the command's writer.
/// </summary>
internal sealed class LineProgress(TextWriter output) : IProgress<string>
{
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public void Report(string value)
    {
        lock (_gate)
        {
            output.WriteLine(value);
        }
    }
}
