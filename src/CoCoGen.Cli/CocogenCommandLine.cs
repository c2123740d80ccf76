using System.CommandLine;
using CoCoGen.Cli.Commands;

namespace CoCoGen.Cli;

/// <summary>The `cocogen` root command: one line per sub-command, each defined in Commands/.</summary>
public static class CocogenCommandLine
{
    /// <summary>Builds the root command with every sub-command attached.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("CoCoGen.Chain: coopetitive federated learning with on-chain settlement.");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(SolveCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CoordinatorCommand.Create());
        root.Subcommands.Add(OrgCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(FitScalingCommand.Create());
        root.Subcommands.Add(MechanismCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse (an unknown option, a
    /// missing value) is bad input like any other: its errors go to stderr and the exit code is 2.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ParseResult parse = Build().Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                configuration.Error.WriteLine($"cocogen: {parseError.Message}");
            }

            return BadInput;
        }

        return await parse.InvokeAsync(configuration).ConfigureAwait(false);
    }

    /// <summary>The exit code of every command for input it rejects.</summary>
    public const int BadInput = 2;
}
