using System.CommandLine;
using System.Globalization;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Invocation;
using CoCoGen.Cli.Presentation;
using CoCoGen.Federation.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen run [--config F] [options]`: the whole system in one process (coordinator and every organization),
/// settling on --rpc-url or on the local chain, which it starts if needed and leaves running so the run can be
/// audited afterwards. Exit 0 when every round settled and the audit passed, 2 on bad input (nothing written),
/// 3 when the audit found violations, 130 when stopped by a signal (checkpoint saved), 1 on a fault.
/// </summary>
public static class RunCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint, on the chain it settled on." };
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

            var verbose = parse.GetValue(CocogenHost.VerboseOption);
            var builder = CocogenHost.CreateBuilder(configuration, ProcessRole.Run, verbose);
            builder.Services.AddCocogenRun();
            using var host = builder.Build();
            if (CocogenHost.ReportValidationFailures(host.Services, error))
            {
                return CocogenHost.BadConfiguration;
            }

            var workflow = host.Services.GetRequiredService<RunWorkflow>();
            var settings = workflow.Settings;
            // The options validated the run directory (no run overwritten, no resume of nothing); this makes sure it can be written.
            OutputFolder.Ensure("--out", settings.Run.Out);
            try
            {
                var result = verbose || Console.IsOutputRedirected || !ReferenceEquals(output, Console.Out)
                    ? await workflow.RunAsync(new ProgressLineWriter(output), cancellationToken).ConfigureAwait(false)
                    : await RunProgressDisplay.RunAsync(
                        settings.Protocol.GeneratorSteps, settings.Protocol.Rounds, settings.Learning.Organizations,
                        progress => workflow.RunAsync(progress, cancellationToken)).ConfigureAwait(false);
                WriteSummary(result, output);
                return result.Audit.Passed ? ExitCodes.Success : ExitCodes.AuditViolation;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                error.WriteLine(StopNotice.For("run", settings.Run.Out));
                return ExitCodes.Stopped;
            }
        });
        return command;
    }

    private static void WriteSummary(RunResult result, TextWriter output)
    {
        var summary = result.Summary;
        var last = summary.Rounds[^1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run directory: {summary.Directory}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rounds settled: {summary.Rounds.Count(r => r.Settlement?.Status == "Settled")}/{summary.Rounds.Count} on chain {last.Settlement?.ChainId} at {result.Chain}, contract {last.Settlement?.Contract}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"final test accuracy: {last.TestAccuracy:P2} (loss {last.TestLoss:F4})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {summary.ModelHash}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean seconds per round: synthesis {summary.Rounds.Average(r => r.Timings.Synthesis):F1}, training {summary.Rounds.Average(r => r.Timings.Training):F1}, aggregation {summary.Rounds.Average(r => r.Timings.Aggregation):F1}, settlement {summary.Rounds.Average(r => r.Timings.Settlement):F1}, total {summary.Rounds.Average(r => r.Timings.Total):F1}"));
        var audit = result.Audit;
        output.WriteLine(audit.Passed
            ? string.Create(CultureInfo.InvariantCulture, $"audit passed: {audit.RoundsChecked} rounds, {audit.Checks.Count} checks against the chain, 0 violations (again later: cocogen audit --run {summary.Directory})")
            : string.Create(CultureInfo.InvariantCulture, $"audit FAILED: {audit.Violations.Count} violations, first: {(audit.Violations.Count > 0 ? audit.Violations[0] : "none")}"));
    }
}
