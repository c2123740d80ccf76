using System.Diagnostics;
using System.Text.RegularExpressions;
using CoCoGen.Chain.Hosting;
using CoCoGen.Cli.Hosting;
using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;

namespace CoCoGen.Cli.Tests.Commands;

/// <summary>
/// Every row of the error table in docs/cli.md, run as a real `cocogen` process from the repository root: the
/// message on stderr must be exactly the documented line (one line, no stack trace) and the exit code the
/// documented one. The expected values come from the document, never from the code under test.
/// </summary>
public sealed partial class ErrorTableTests : IDisposable
{
    private static readonly string Root = RepositoryRoot.Find();
    private readonly string _tmp = Path.Combine(Path.GetTempPath(), "cocogen-errors-" + Guid.NewGuid().ToString("N"));

    public ErrorTableTests()
    {
        Directory.CreateDirectory(Path.Combine(_tmp, "existing"));
        File.WriteAllText(Path.Combine(_tmp, "existing", "rounds.jsonl"), "{}\n");

        var truncated = new RunDirectory(Path.Combine(_tmp, "truncated"));
        Directory.CreateDirectory(truncated.Path);
        RunDirectory.WriteJson(truncated.ConfigFile, new FederationSettings
        {
            Protocol = new ProtocolOptions(),
            Learning = new LearningOptions(),
            Mechanism = new MechanismOptions(),
            Chain = new ChainOptions { RpcUrl = "http://127.0.0.1:1/" },
            Run = new RunOptions(),
        });
        File.WriteAllText(truncated.RoundsFile, "{\"round\": 1,");

        // A valid consortium of the default 10 organizations, for the rows that need one to get past validation.
        File.WriteAllText(Path.Combine(_tmp, "consortium.json"), System.Text.Json.JsonSerializer.Serialize(new
        {
            Consortium = new
            {
                CoordinatorAddress = "0x" + new string('c', 40),
                Roster = Enumerable.Range(1, 10).Select(i => new { Organization = $"org{i}", Address = "0x" + i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture), LocalSamples = 100 }).ToArray(),
            },
        }));
        File.WriteAllText(Path.Combine(_tmp, "pw"), "correct horse\n");
        File.WriteAllText(Path.Combine(_tmp, "wrong"), "wrong horse\n");
        File.WriteAllText(Path.Combine(_tmp, "corrupt.json"), "not a keystore");
        using var keys = Start(["keys", "new", "--out", Path.Combine(_tmp, "key.json"), "--passphrase-file", Path.Combine(_tmp, "pw")], []);
        keys.WaitForExit();
        Assert.True(keys.ExitCode == 0, keys.StandardError.ReadToEnd());
    }

    public static TheoryData<string, string, int> Rows()
    {
        var document = File.ReadAllText(Path.Combine(Root, "docs", "cli.md"));
        var start = document.IndexOf("<!-- error-table -->", StringComparison.Ordinal);
        var end = document.IndexOf("<!-- /error-table -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/cli.md has no error table");
        var rows = new TheoryData<string, string, int>();
        foreach (Match row in RowPattern().Matches(document[start..end]))
        {
            rows.Add(row.Groups["input"].Value, row.Groups["message"].Value.Replace("\\|", "|", StringComparison.Ordinal), int.Parse(row.Groups["exit"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.True(rows.Count >= 40, $"the error table has only {rows.Count} rows");
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_documented_bad_input_gives_its_documented_line_and_exit_code(string input, string message, int exit)
    {
        var words = input.Replace("{tmp}", _tmp, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var environment = words.TakeWhile(w => w.Contains('=', StringComparison.Ordinal) && !w.StartsWith('-')).ToArray();
        using var process = Start(words[environment.Length..], environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"`cocogen {input}` did not stop within a minute: the input was not rejected");
        }

        var expected = message.Replace("{tmp}", _tmp, StringComparison.Ordinal);
        var error = (await stderr).TrimEnd('\n');
        Assert.True(error == expected, $"`cocogen {input}`\nexpected: {expected}\nactual:   {error}\nstdout: {await stdout}");
        Assert.Equal(exit, process.ExitCode);
    }

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    // `dotnet cocogen.dll ARGS` from the repository root, with NAME=value pairs added to its environment.
    private static Process Start(string[] arguments, string[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cocogen.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var pair in environment)
        {
            start.Environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        return Process.Start(start)!;
    }

    [GeneratedRegex(@"^\| `(?<input>[^`]+)` \| `+(?<message>.+?)`+ \| (?<exit>\d+) \|$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
