using System.CommandLine;
using CoCoGen.Cli.Invocation;
using CoCoGen.Cli.Presentation;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Sweeps;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen sweep --scenario F --over rho|alpha|gamma --out DIR`: the paper's Figs 4, 5 and 7 as CSV,
/// SVG charts, a findings table and an offline HTML page. Exit code 0 on success, 2 on bad input.
/// </summary>
public static class SweepCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "Scenario JSON file (schema of the shared vectors)." };
        var over = new Option<string>("--over") { Description = "rho | alpha | gamma" };
        var outDir = new Option<string>("--out") { Description = "Output folder (created if missing)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the RaDG baseline.", DefaultValueFactory = _ => 1 };
        var exploreRemark2 = new Option<bool>("--explore-remark2") { Description = "Accept gamma above min rivalRate." };
        var command = new Command("sweep", "Sweep ρ̄, α or γ and report generation, welfare, baselines and the paper's findings.")
        {
            scenario, over, outDir, seed, exploreRemark2,
        };
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            try
            {
                string path = parse.GetValue(scenario) ?? throw new ScenarioValidationException("--scenario is required.");
                SweepAxis axis = parse.GetValue(over) switch
                {
                    "rho" => SweepAxis.Rho,
                    "alpha" => SweepAxis.Alpha,
                    "gamma" => SweepAxis.Gamma,
                    var other => throw new ScenarioValidationException($"--over must be rho, alpha or gamma, got \"{other}\"."),
                };
                string directory = parse.GetValue(outDir) ?? throw new ScenarioValidationException("--out is required.");
                Scenario loaded = ScenarioJsonReader.ReadFile(path, new ScenarioLoadOptions(parse.GetValue(exploreRemark2)));
                int randomSeed = parse.GetValue(seed);
                SweepResult sweep = SweepRunner.Run(loaded, axis, randomSeed);
                SweepResult rho = axis == SweepAxis.Rho ? sweep : SweepRunner.Run(loaded, SweepAxis.Rho, randomSeed);
                SweepResult gamma = axis == SweepAxis.Gamma ? sweep : SweepRunner.Run(loaded, SweepAxis.Gamma, randomSeed);
                IReadOnlyList<Finding> findings = FindingsEvaluator.Evaluate(rho, gamma);
                OutputFolder.Ensure("--out", directory);
                string invocation = $"cocogen sweep --scenario {path} --over {parse.GetValue(over)} --out {directory} --seed {randomSeed}";
                foreach (string file in SweepReportWriter.Write(sweep, findings, directory, invocation))
                {
                    output.WriteLine($"wrote {file}");
                }

                output.WriteLine($"findings holding under this model: {findings.Count(f => f.Holds)} of {findings.Count}");
                return 0;
            }
            catch (ScenarioValidationException e)
            {
                error.WriteLine($"cocogen sweep: {e.Message}");
                return SolveCommand.BadInput;
            }
        });
        return command;
    }
}
