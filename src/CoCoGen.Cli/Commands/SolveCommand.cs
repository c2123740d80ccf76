using System.CommandLine;
using CoCoGen.Cli.Presentation;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Potential;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Welfare;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen solve --scenario F [--json]`: the equilibrium with utilities, transfers, certificate and
/// social optimum. Exit code 0 on success, 2 on bad input (message on stderr).
/// </summary>
public static class SolveCommand
{
    /// <summary>Exit code for input the mechanism rejects.</summary>
    public const int BadInput = 2;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario JSON file (schema of the shared vectors)." };
        var json = new Option<bool>("--json") { Description = "Write JSON to stdout instead of a table." };
        var solver = new Option<string>("--solver")
        {
            Description = "closed-form | fixed-point | potential | best-response (default: the one the scenario calls for).",
        };
        var exploreRemark2 = new Option<bool>("--explore-remark2") { Description = "Accept gamma above min rivalRate and flag who would exit." };
        var tuneGamma = new Option<bool>("--tune-gamma") { Description = "Also search the welfare-maximising gamma within Remark 1." };
        var participation = new Option<bool>("--participation") { Description = "Also run the participation loop (drop U_i < 0, re-solve)." };
        var command = new Command("solve", "Solve the CoCoGen+ equilibrium of a scenario.")
        {
            scenario, json, solver, exploreRemark2, tuneGamma, participation,
        };
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            try
            {
                string path = parse.GetValue(scenario) ?? throw new ScenarioValidationException("--scenario is required.");
                SolverKind? kind = ParseSolver(parse.GetValue(solver));
                Scenario loaded = ScenarioJsonReader.ReadFile(path, new ScenarioLoadOptions(parse.GetValue(exploreRemark2)));
                EquilibriumResult equilibrium = EquilibriumSolver.Solve(loaded, kind);
                WeightedPotential.TryCreate(loaded, out WeightedPotential? potential, out string reason);
                var report = new SolveReport(
                    loaded,
                    equilibrium,
                    SocialOptimum.Solve(loaded, equilibrium),
                    potential,
                    reason,
                    parse.GetValue(tuneGamma) ? GammaTuner.Tune(loaded) : null,
                    parse.GetValue(participation) ? ParticipationLoop.Run(loaded) : null);
                if (parse.GetValue(json))
                {
                    using var buffer = new MemoryStream();
                    SolveJsonWriter.Write(report, buffer);
                    output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
                else
                {
                    SolveTableWriter.Write(report, output);
                }

                return 0;
            }
            catch (ScenarioValidationException e)
            {
                error.WriteLine($"cocogen solve: {e.Message}");
                return BadInput;
            }
        });
        return command;
    }

    private static SolverKind? ParseSolver(string? value) => value switch
    {
        null => null,
        "closed-form" => SolverKind.ClosedForm,
        "fixed-point" => SolverKind.FixedPoint,
        "potential" => SolverKind.PotentialMaximizer,
        "best-response" => SolverKind.BestResponse,
        _ => throw new ScenarioValidationException(
            $"--solver must be closed-form, fixed-point, potential or best-response, got \"{value}\"."),
    };
}
