using System.CommandLine;
using CoCoGen.Cli.Commands;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Invocation;
using CoCoGen.Federation.Adapters.SeedStudies;

namespace CoCoGen.Cli;

/// <summary>The `cocogen` root command: one line per sub-command, each defined in Commands/.</summary>
public static class CocogenCommandLine
{
    /// <summary>Builds the root command with every sub-command attached.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("CoCoGen.Chain: coopetitive federated learning with on-chain settlement.");
        root.Options.Add(CocogenHost.VerboseOption);
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(SolveCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CoordinatorCommand.Create());
        root.Subcommands.Add(OrgCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(ChainCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(FitScalingCommand.Create());
        root.Subcommands.Add(ExperimentCommand.Create());
        root.Subcommands.Add(MechanismCommand.Create([new TradeFlStudy(), new ShapleyMechanismStudy(), new DefectionFreeStudy()]));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A command line that does not parse is bad input like any
    /// other (exit 2). SIGINT and SIGTERM cancel the command's token, so it stops at a safe point. An
    /// exception that escapes a command is a fault: one line, exit 1, the stack trace only with --verbose.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ParseResult parse = Build().Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                configuration.Error.WriteLine($"cocogen: {parseError.Message}");
            }

            return ExitCodes.BadInput;
        }

        // Only the commands that stop at a safe point take over SIGINT and SIGTERM; the others keep the default (exit at once).
        var command = CommandPath(parse.CommandResult);
        using var signal = command is "run" or "coordinator" or "org" ? new ShutdownSignal(configuration.Error) : null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, signal?.Token ?? CancellationToken.None);
        try
        {
            return await parse.InvokeAsync(configuration, stop.Token).ConfigureAwait(false);
        }
        catch (CommandInputException ex)
        {
            configuration.Error.WriteLine($"cocogen {command}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            configuration.Error.WriteLine($"cocogen {command}: stopped");
            return ExitCodes.Stopped;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            configuration.Error.WriteLine($"cocogen {command}: {ex.Message}");
            if (parse.GetValue(CocogenHost.VerboseOption))
            {
                configuration.Error.WriteLine(ex.ToString());
            }

            return ExitCodes.Fault;
        }
    }

    // "chain up", "mechanism mshap": the words a user typed to reach the command.
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var words = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? node = result; node is System.CommandLine.Parsing.CommandResult { Parent: not null } command; node = command.Parent)
        {
            words.Insert(0, command.Command.Name);
        }

        return string.Join(' ', words);
    }
}
