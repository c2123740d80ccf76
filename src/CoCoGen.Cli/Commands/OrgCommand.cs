using System.CommandLine;
using CoCoGen.Cli.Hosting;
using CoCoGen.Cli.Invocation;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Adapters.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen org --id org3 --coordinator URL --rpc-url URL --keystore FILE [--passphrase-file FILE] [--config F]`: one organization process. Its
/// training data and its key stay here; only weights, counts, losses and hashes go to the coordinator.
/// Exit 0 when the coordinator ends the run, 2 on a configuration error.
/// </summary>
public static class OrgCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var id = new Option<string>("--id") { Description = "Organization id: org1 … orgN.", Required = true };
        var coordinator = new Option<string>("--coordinator") { Description = "Coordinator URL, e.g. http://127.0.0.1:5080.", Required = true };
        var command = new Command("org", "Run one organization of the distributed shape.");
        CocogenHost.AddSettingOptions(command);
        command.Options.Add(id);
        command.Options.Add(coordinator);
        command.Options.Add(KeyOptions.Keystore);
        command.Options.Add(KeyOptions.PassphraseFile);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!Uri.TryCreate(parse.GetValue(coordinator), UriKind.Absolute, out var coordinatorUrl))
            {
                error.WriteLine($"--coordinator: '{parse.GetValue(coordinator)}' is not an absolute URL");
                return CocogenHost.BadConfiguration;
            }

            var configuration = CocogenHost.Configuration(parse, KeyOptions.Settings(parse), error);
            if (configuration is null)
            {
                return CocogenHost.BadConfiguration;
            }

            var builder = CocogenHost.CreateBuilder(configuration, ProcessRole.Organization, parse.GetValue(CocogenHost.VerboseOption));
            int index;
            try
            {
                index = FederationServiceCollectionExtensions.OrganizationIndex(parse.GetValue(id)!);
                builder.Services.AddCocogenOrganization(parse.GetValue(id)!, coordinatorUrl);
            }
            catch (ArgumentException ex)
            {
                throw new CommandInputException(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0], ex);
            }

            // The id is checked against the run's size before the rest of the configuration (the roster is judged by it).
            var organizations = FederationOptionsExtensions.ConfiguredLearning(configuration).Organizations;
            if (index >= organizations)
            {
                throw new CommandInputException(FormattableString.Invariant(
                    $"--id {parse.GetValue(id)}: the run has {organizations} organizations (org1 … org{organizations}; Learning:Organizations)"));
            }

            using var host = builder.Build();
            if (CocogenHost.ReportValidationFailures(host.Services, error))
            {
                return CocogenHost.BadConfiguration;
            }

            try
            {
                // Unlock this organization's keystore before joining: a wrong passphrase is bad input (exit 2).
                host.Services.GetRequiredService<PartyKeys>();
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (CocogenHost.TryReportConfigurationError(ex, error) || KeyOptions.TryReport(ex, error))
            {
                return CocogenHost.BadConfiguration;
            }

            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            var outcome = host.Services.GetRequiredService<OrganizationOutcome>();
            if (outcome.Refusal is not null)
            {
                error.WriteLine($"cocogen org: {outcome.Refusal}");
                return CocogenHost.BadConfiguration;
            }

            if (outcome.Failure is not null)
            {
                error.WriteLine($"cocogen org: {outcome.Failure}");
                return CocogenHost.Failed;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                error.WriteLine($"cocogen org: {parse.GetValue(id)} stopped; start it again with the same options to rejoin the run");
                return ExitCodes.Stopped;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
