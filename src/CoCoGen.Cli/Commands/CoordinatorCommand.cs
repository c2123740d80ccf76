using System.CommandLine;
using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Invocation;
using CoCoGen.Federation.Adapters.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen coordinator --urls http://HOST:PORT --rpc-url URL [--config F]`: the coordinator of the
/// distributed shape, serving the gRPC federation service (proto/cocogen/federation/v1) to the roster's organizations. Exit 0 when every
/// round is settled, 2 on a configuration error, 1 when the run fails.
/// </summary>
public static class CoordinatorCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://0.0.0.0:5080.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its checkpoint." };
        var command = new Command("coordinator", "Serve the coordinator of the distributed shape; organizations join with `cocogen org`.");
        CocogenHost.AddSettingOptions(command);
        command.Options.Add(urls);
        command.Options.Add(resume);
        command.Options.Add(KeyOptions.Keystore);
        command.Options.Add(KeyOptions.PassphraseFile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var extra = KeyOptions.Settings(parse);
            if (parse.GetValue(resume))
            {
                extra["Run:Resume"] = "true";
            }

            var configuration = CocogenHost.Configuration(parse, extra, error);
            if (configuration is null)
            {
                return CocogenHost.BadConfiguration;
            }

            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.Configuration.AddConfiguration(configuration);
            var addresses = parse.GetValue(urls)!.Split(';');
            builder.WebHost.UseUrls(addresses);

            // The slim builder leaves out HTTPS; https:// endpoints take their certificate from Kestrel's configuration (docs/transport.md, TLS).
            builder.WebHost.UseKestrelHttpsConfiguration();
            // gRPC needs HTTP/2: cleartext endpoints speak it with prior knowledge (h2c), TLS ones negotiate it by ALPN.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
                endpoint.Protocols = addresses.All(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2));
            CocogenHost.AddLogging(builder.Logging, parse.GetValue(CocogenHost.VerboseOption));
            builder.Services.AddCocogenOptions(configuration, ProcessRole.Coordinator);
            builder.Services.AddCocogenCoordinator();
            await using var app = builder.Build();
            if (CocogenHost.ReportValidationFailures(app.Services, error))
            {
                return CocogenHost.BadConfiguration;
            }

            app.MapGrpcService<CoordinatorGrpcService>();
            try
            {
                // Unlock the coordinator's keystore before serving: a wrong passphrase is bad input (exit 2), not a failed run.
                app.Services.GetRequiredService<PartyKeys>();
                app.Services.GetRequiredService<CoordinatorHub>();
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (CocogenHost.TryReportConfigurationError(ex, error) || KeyOptions.TryReport(ex, error))
            {
                return CocogenHost.BadConfiguration;
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            var outcome = app.Services.GetRequiredService<RunOutcome>();
            if (cancellationToken.IsCancellationRequested && outcome.Summary is null)
            {
                error.WriteLine(StopNotice.For("coordinator", configuration["Run:Out"] ?? new RunOptions().Out, " (and the same settings)"));
                return ExitCodes.Stopped;
            }

            if (outcome.Failure is not null || outcome.Summary is null)
            {
                error.WriteLine($"cocogen coordinator: {outcome.Failure?.Message ?? "stopped before the run finished"}");
                return CocogenHost.Failed;
            }

            parse.InvocationConfiguration.Output.WriteLine(FormattableString.Invariant(
                $"run directory: {outcome.Summary.Directory}; {outcome.Summary.Rounds.Count} rounds settled; final test accuracy {outcome.Summary.Rounds[^1].TestAccuracy:P2}; model {outcome.Summary.ModelHash}"));
            return 0;
        });
        return command;
    }
}
