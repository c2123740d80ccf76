using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using Spectre.Console;

namespace CoCoGen.Cli.Presentation;

/// <summary>
/// The live display of a run on a terminal: generator pre-training, rounds, the current round's local phase and
/// settlement, each a bar with its elapsed time, and the latest step as its description.
/// </summary>
internal static class RunProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> under the display; <paramref name="rounds"/> and <paramref name="generatorSteps"/> size the bars.</summary>
    public static async Task<T> RunAsync<T>(int generatorSteps, int rounds, int organizations, Func<IProgress<RunProgress>, Task<T>> work)
    {
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var generator = context.AddTask("generator pre-training", maxValue: Math.Max(1, generatorSteps));
                var local = context.AddTask("local phase", maxValue: organizations);
                var settlement = context.AddTask("settlement", maxValue: 1);
                var round = context.AddTask("rounds", maxValue: rounds);
                var progress = new Progress<RunProgress>(p =>
                {
                    var message = Markup.Escape(p.Message);
                    switch (p.Phase)
                    {
                        case "generator":
                            generator.Value = p.Step;
                            generator.Description = message;
                            local.Value = 0;
                            break;
                        case "local":
                            local.Value = p.Step;
                            local.Description = message;
                            break;
                        case "settlement":
                            settlement.MaxValue = Math.Max(settlement.MaxValue, p.Step + 1);
                            settlement.Value = p.Step;
                            settlement.Description = message;
                            break;
                        case "round":
                            round.Value = p.Step;
                            round.Description = message;
                            local.Value = 0;
                            settlement.Value = 0;
                            break;
                        default:
                            round.Description = message;
                            break;
                    }
                });
                result = await work(progress).ConfigureAwait(false);
                generator.Value = generator.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }
}
