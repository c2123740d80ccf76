using System.CommandLine;
using System.Globalization;
using CoCoGen.Chain.Hosting;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Invocation;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen chain up|down|status [--dir D] [--port P]`: the local chain that outlives a run (anvil, its state kept
/// in D). `cocogen run` uses it by default and starts it when it is down. Exit 0; `status` exits 1 when the chain
/// is down; 2 on bad input.
/// </summary>
public static class ChainCommand
{
    /// <summary>Creates the command with its three sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("chain", "Manage the local chain whose state outlives every run (anvil with a state file).");
        command.Subcommands.Add(Sub("up", "Start the local chain (idempotent); its state is reloaded from the folder.", Up));
        command.Subcommands.Add(Sub("down", "Stop the local chain; its state stays in the folder for the next `up`.", Down));
        command.Subcommands.Add(Sub("status", "Say whether the local chain runs, where, and at which block.", Status));
        return command;
    }

    private static Command Sub(string name, string description, Func<LocalChainOptions, TextWriter, ILogger, CancellationToken, Task<int>> action)
    {
        var directory = new Option<string>("--dir") { Description = "The chain's folder (default: $XDG_STATE_HOME/cocogen/chain or ~/.local/state/cocogen/chain)." };
        var port = new Option<int>("--port") { Description = "Loopback port of its JSON-RPC endpoint.", DefaultValueFactory = _ => 8545 };
        var anvil = new Option<string>("--anvil") { Description = "The anvil executable (default: tools/anvil of the checkout, else the PATH)." };
        var command = new Command(name, description) { directory, port, anvil };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 1024 or > 65535)
            {
                throw new CommandInputException(string.Create(CultureInfo.InvariantCulture, $"--port must be between 1024 and 65535 (got {portValue})"));
            }

            var anvilPath = parse.GetValue(anvil);
            if (anvilPath is not null && !File.Exists(anvilPath))
            {
                throw new CommandInputException($"--anvil: {anvilPath} does not exist");
            }

            var options = new LocalChainOptions
            {
                Directory = Path.GetFullPath(parse.GetValue(directory) ?? LocalChainOptions.DefaultDirectory()),
                Port = portValue,
                Anvil = anvilPath,
            };
            using var loggers = LoggerFactory.Create(logging => CocogenHost.AddLogging(logging, parse.GetValue(CocogenHost.VerboseOption)));
            return await action(options, parse.InvocationConfiguration.Output, loggers.CreateLogger("cocogen.chain"), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> Up(LocalChainOptions options, TextWriter output, ILogger logger, CancellationToken cancellationToken)
    {
        var status = await LocalChain.UpAsync(options, logger, cancellationToken).ConfigureAwait(false);
        output.WriteLine(Describe(status));
        return ExitCodes.Success;
    }

    private static async Task<int> Down(LocalChainOptions options, TextWriter output, ILogger logger, CancellationToken cancellationToken)
    {
        var stopped = await LocalChain.DownAsync(options, logger, cancellationToken).ConfigureAwait(false);
        output.WriteLine(stopped
            ? $"local chain stopped; its state stays in {options.Directory}"
            : $"no local chain was running in {options.Directory}");
        return ExitCodes.Success;
    }

    private static async Task<int> Status(LocalChainOptions options, TextWriter output, ILogger logger, CancellationToken cancellationToken)
    {
        var status = await LocalChain.StatusAsync(options, cancellationToken).ConfigureAwait(false);
        output.WriteLine(Describe(status));
        return status.Running ? ExitCodes.Success : ExitCodes.Fault;
    }

    private static string Describe(LocalChainStatus status) => status.Running
        ? string.Create(CultureInfo.InvariantCulture, $"local chain up: {status.Endpoint} chain id {status.ChainId}, block {status.BlockNumber}, pid {status.ProcessId}, state in {status.Directory}")
        : $"local chain down (state in {status.Directory}); start it with: cocogen chain up --dir {status.Directory}";
}
