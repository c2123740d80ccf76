using System.CommandLine;
using System.Globalization;
using CoCoGen.Cli.Hosting;
using CoCoGen.Federation.Hosting;
using CoCoGen.Federation.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen run [--config F] [options]`: the whole system in one process (coordinator, every
/// organization, a local Hardhat node unless --rpc-url), writing a run directory. Exit 0 on success,
/// 2 on a configuration error (nothing written), 1 when the run fails.
/// </summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint (needs --rpc-url: the same chain)." };
        var command = new Command("run", "Run CoCoGen+ federated rounds end to end, each settled on chain.");
        CocogenHost.AddSettingOptions(command);
        command.Options.Add(resume);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var extra = new Dictionary<string, string?>();
            if (parse.GetValue(resume))
            {
                extra["Run:Resume"] = "true";
            }

            var configuration = CocogenHost.Configuration(parse, extra, error);
            if (configuration is null)
            {
                return CocogenHost.BadConfiguration;
            }

            var builder = CocogenHost.CreateBuilder(configuration, ProcessRole.Run, parse.GetValue(CocogenHost.VerboseOption));
            builder.Services.AddCocogenRun();
            using var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (CocogenHost.TryReportConfigurationError(ex, error))
            {
                return CocogenHost.BadConfiguration;
            }

            try
            {
                var workflow = host.Services.GetRequiredService<RunWorkflow>();
                var summary = await RunWithProgressAsync(workflow, parse.GetValue(CocogenHost.VerboseOption), cancellationToken).ConfigureAwait(false);
                WriteSummary(summary, output);
                return 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error.WriteLine($"cocogen run: {ex.Message}");
                return CocogenHost.Failed;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static async Task<RunSummary> RunWithProgressAsync(RunWorkflow workflow, bool verbose, CancellationToken cancellationToken)
    {
        if (verbose || Console.IsOutputRedirected)
        {
            return await workflow.RunAsync(null, cancellationToken).ConfigureAwait(false);
        }

        RunSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var generator = context.AddTask("generator pre-training", autoStart: true, maxValue: Math.Max(1, workflow.Settings.Protocol.GeneratorSteps));
                var rounds = context.AddTask("rounds", autoStart: true, maxValue: workflow.Settings.Protocol.Rounds);
                var progress = new Progress<RunProgress>(p =>
                {
                    var task = p.Phase == "generator" ? generator : rounds;
                    task.Value = p.Step;
                    task.Description = Markup.Escape(p.Message);
                });
                summary = await workflow.RunAsync(progress, cancellationToken).ConfigureAwait(false);
                generator.Value = generator.MaxValue;
            }).ConfigureAwait(false);
        return summary!;
    }

    private static void WriteSummary(RunSummary summary, TextWriter output)
    {
        var last = summary.Rounds[^1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run directory: {summary.Directory}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rounds settled: {summary.Rounds.Count(r => r.Settlement?.Status == "Settled")}/{summary.Rounds.Count} on chain {last.Settlement?.ChainId}, contract {last.Settlement?.Contract}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"final test accuracy: {last.TestAccuracy:P2} (loss {last.TestLoss:F4})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {summary.ModelHash}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean seconds per round: synthesis {summary.Rounds.Average(r => r.Timings.Synthesis):F1}, training {summary.Rounds.Average(r => r.Timings.Training):F1}, aggregation {summary.Rounds.Average(r => r.Timings.Aggregation):F1}, settlement {summary.Rounds.Average(r => r.Timings.Settlement):F1}, total {summary.Rounds.Average(r => r.Timings.Total):F1}"));
    }
}
