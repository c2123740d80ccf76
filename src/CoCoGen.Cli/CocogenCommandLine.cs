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
        root.Subcommands.Add(FitScalingCommand.Create());
        root.Subcommands.Add(MechanismCommand.Create());
        return root;
    }
}
