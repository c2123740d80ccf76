using System.CommandLine;
using System.Text.Json;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen mechanism tradefl|mshap|dfcl --input FILE.json [--out FILE]`: the seed mechanisms other than CoCoGen+,
/// JSON in and JSON out. tradefl also takes `--csv FILE` and `--charts DIR` for its γ sweep; mshap and dfcl take
/// `--train fashion-mnist [--data-dir D] [--seed S]` to run FedBR-Shap and Algorithm 1 on real LeNet-5 training.
/// Exit 0 on success, 2 on bad input with a message naming the field.
/// </summary>
public static class MechanismCommand
{
    /// <summary>Exit code for unusable input.</summary>
    public const int BadInput = 2;

    /// <summary>Creates the command with its three sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("mechanism", "Run TradeFL, M^Shap (reciprocally fair FL) or defection-free collaboration on a JSON input.");
        command.Subcommands.Add(Sub("tradefl", "TradeFL: CGBD, DBR and baselines; optional γ sweep (--csv, --charts).", MechanismTradeFlCommand.Run, sweep: true));
        command.Subcommands.Add(Sub("mshap", "Reciprocally fair FL: M^Shap vs M^0 vs accuracy shaping, payments, reciprocity, gains; FedBR-Shap (--train).", MechanismShapCommand.Run, sweep: false));
        command.Subcommands.Add(Sub("dfcl", "Defection-free collaboration (Algorithm 1) and the one-sided/complete schemes; real training with --train.", MechanismDefectionFreeCommand.Run, sweep: false));
        return command;
    }

    /// <summary>Options shared by the output writers.</summary>
    public static JsonSerializerOptions OutputOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static Command Sub(string name, string description, Func<MechanismJsonObject, MechanismRunOptions, object> run, bool sweep)
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON input file.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the JSON result here instead of standard output." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the γ sweep as CSV here." };
        var charts = new Option<DirectoryInfo?>("--charts") { Description = "Write the γ sweep's SVG charts (welfare, damage, data) into this folder." };
        var train = new Option<string?>("--train") { Description = $"Run on real LeNet-5 training of this dataset ({MechanismRunOptions.FashionMnistName})." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Folder holding the dataset's IDX files (default: the installed Fashion-MNIST)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the data draw, initial weights and sample orders (default 1).", DefaultValueFactory = _ => 1 };
        var command = new Command(name, description);
        command.Options.Add(input);
        command.Options.Add(output);
        Option[] extra = sweep ? [csv, charts] : [train, dataDir, seed];
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var config = parse.InvocationConfiguration;
            var file = parse.GetValue(input)!;
            try
            {
                if (!file.Exists)
                {
                    throw new MechanismInputException($"--input: file {file.FullName} does not exist.");
                }

                string? dataset = sweep ? null : parse.GetValue(train);
                if (dataset is not null && dataset != MechanismRunOptions.FashionMnistName)
                {
                    throw new MechanismInputException($"--train: unknown dataset \"{dataset}\" ({MechanismRunOptions.FashionMnistName}).");
                }

                var root = MechanismJsonObject.Parse(File.ReadAllText(file.FullName));
                var options = sweep
                    ? new MechanismRunOptions(CsvPath: parse.GetValue(csv)?.FullName, ChartsDirectory: parse.GetValue(charts)?.FullName)
                    : new MechanismRunOptions(Train: dataset, DataDirectory: parse.GetValue(dataDir)?.FullName, Seed: parse.GetValue(seed));
                var result = run(root, options);
                string json = JsonSerializer.Serialize(result, OutputOptions);
                var target = parse.GetValue(output);
                if (target is null)
                {
                    config.Output.WriteLine(json);
                }
                else
                {
                    File.WriteAllText(target.FullName, json + Environment.NewLine);
                }

                return 0;
            }
            catch (MechanismInputException e)
            {
                config.Error.WriteLine($"cocogen mechanism {name}: {e.Message}");
                return BadInput;
            }
            catch (InvalidOperationException e)
            {
                config.Error.WriteLine($"cocogen mechanism {name}: {e.Message}");
                return 1;
            }
            catch (ArgumentException e)
            {
                // The mechanisms validate their own arguments and name the field in the message.
                config.Error.WriteLine($"cocogen mechanism {name}: {e.Message}");
                return BadInput;
            }
        });
        return command;
    }
}
