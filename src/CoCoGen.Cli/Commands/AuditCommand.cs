using System.CommandLine;
using CoCoGen.Chain.Hosting;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Invocation;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Records;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen audit --run DIR [--rpc-url URL]`: re-reads the chain and checks every settled round against
/// the run record, then writes audit.json (every check, the chain, contract and blocks read) and report.html (with
/// this verdict) into the run directory. Exit 0 when everything agrees, 3 on any violation (each listed), 2 on bad input.
/// </summary>
public static class AuditCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "Run directory written by cocogen run or cocogen coordinator.", Required = true };
        var rpcUrl = new Option<string>("--rpc-url") { Description = "JSON-RPC endpoint of the run's chain (default: the run's Chain:RpcUrl)." };
        var recompute = new Option<bool>("--recompute")
        {
            Description = "Also rebuild every aggregate and evaluation from the run's evidence and check x_i, the transfers and the on-chain commitment (seed hash, evidence root, committed x_i) bit for bit.",
        };
        var command = new Command("audit", "Verify every settled round of a run against the chain.") { run, rpcUrl, recompute };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var directory = new RunDirectory(parse.GetValue(run)!);
            if (!File.Exists(directory.ConfigFile) || !File.Exists(directory.RoundsFile))
            {
                error.WriteLine($"--run: {directory.Path} holds no run (config.json and rounds.jsonl are needed)");
                return CocogenHost.BadConfiguration;
            }

            FederationSettings settings;
            try
            {
                settings = RunDirectory.ReadJson<FederationSettings>(directory.ConfigFile);
                _ = directory.ReadRounds();
            }
            catch (InvalidDataException ex)
            {
                throw new CommandInputException($"--run: {ex.Message}", ex);
            }

            var endpoint = parse.GetValue(rpcUrl) ?? settings.Chain.RpcUrl;
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url))
            {
                error.WriteLine("--rpc-url: the run's config.json names no chain; name the chain to audit with --rpc-url");
                return CocogenHost.BadConfiguration;
            }

            // A run on the local chain is audited there: start it (from its saved state) if it is down.
            if (parse.GetValue(rpcUrl) is null && !string.IsNullOrWhiteSpace(settings.Chain.LocalDirectory))
            {
                var local = await LocalChain.StatusAsync(settings.Chain.LocalChain(), cancellationToken).ConfigureAwait(false);
                if (!local.Running)
                {
                    local = await LocalChain.UpAsync(settings.Chain.LocalChain(), NullLogger.Instance, cancellationToken).ConfigureAwait(false);
                    error.WriteLine($"cocogen audit: started the run's local chain from its saved state in {local.Directory}");
                }
            }

            try
            {
                // Reading needs no key and no mnemonic.
                using var connection = FederationGraph.Connect(settings, url, PartyKeys.None, NullLoggerFactory.Instance);
                var report = await FederationGraph.Auditor(connection).AuditAsync(directory, cancellationToken).ConfigureAwait(false);
                foreach (var violation in report.Violations)
                {
                    output.WriteLine($"VIOLATION {violation}");
                }

                output.WriteLine($"audit {report.Summary()}");
                if (!parse.GetValue(recompute))
                {
                    report = report.With([], [AuditReport.RecomputationNotRequested]);
                    Record(directory, settings, report, error);
                    return report.Passed ? ExitCodes.Success : ExitCodes.AuditViolation;
                }

                EvidenceRecomputer recomputer;
                try
                {
                    recomputer = FederationGraph.Recomputer(connection, settings);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    error.WriteLine($"--recompute: the validation pool is rebuilt from the run's dataset (Learning:Dataset), which cannot be read: {ex.Message}");
                    return CocogenHost.BadConfiguration;
                }

                var checks = await recomputer.RecomputeAsync(directory, cancellationToken).ConfigureAwait(false);
                var failed = checks.Where(c => !c.Passed).ToArray();
                foreach (var check in failed)
                {
                    output.WriteLine($"VIOLATION {check.Detail}");
                }

                output.WriteLine(FormattableString.Invariant(
                    $"recompute {(failed.Length == 0 ? "passed" : "FAILED")}: {checks.Select(c => c.Round).Distinct().Count(r => r is not null)} rounds, {checks.Count} checks, {failed.Length} violations (canonical kernels at {CoCoGen.Learning.Canonical.CanonicalEvaluator.WidestLanes} float lanes)"));
                report = report.With(checks, []);
                Record(directory, settings, report, error);
                return report.Passed ? ExitCodes.Success : ExitCodes.AuditViolation;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or CoCoGen.Chain.Rpc.ChainIdMismatchException or Nethereum.JsonRpc.Client.RpcClientUnknownException)
            {
                error.WriteLine($"cocogen audit: {ex.Message}");
                return CocogenHost.Failed;
            }
        });
        return command;
    }

    // The verdict stands whether or not it can be filed: a read-only copy of a run is still audited (one line says so).
    private static void Record(RunDirectory directory, FederationSettings settings, AuditReport report, TextWriter error)
    {
        try
        {
            RunDirectory.WriteJson(directory.AuditFile, report);
            RunReport.Write(directory, directory.ReadRounds(), settings, report);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cocogen audit: could not write audit.json and report.html into {directory.Path} ({ex.Message})");
        }
    }
}
