using System.CommandLine;
using System.Text.Json;
using CoCoGen.Federation.Adapters.SeedStudies;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen mechanism tradefl|mshap|dfcl --input FILE.json [--out FILE]`: the seed mechanisms other than CoCoGen+,
/// JSON in and JSON out. tradefl and mshap also take `--csv FILE` and `--charts DIR` (tradefl's γ sweep or trained
/// global models, mshap's FedBR-Shap stages); all three take `--train fashion-mnist [--data-dir D] [--seed S]` to run on
/// real LeNet-5 training (TradeFL's trained global model per scheme, FedBR-Shap, Algorithm 1).
/// Exit 0 on success, 2 on bad input with a message naming the field. Each mechanism's input fields, defaults and
/// checks belong to its study (Federation.Adapters.SeedStudies); this command only reads and writes files.
/// </summary>
public static class MechanismCommand
{
    /// <summary>Exit code for unusable input.</summary>
    public const int BadInput = 2;

    /// <summary>Creates the command with one sub-command per study.</summary>
    public static Command Create(IEnumerable<ISeedStudy> studies)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var command = new Command("mechanism", "Run TradeFL, M^Shap (reciprocally fair FL) or defection-free collaboration on a JSON input.");
        foreach (var study in studies)
        {
            command.Subcommands.Add(Sub(study));
        }

        return command;
    }

    /// <summary>Options shared by the output writers.</summary>
    public static JsonSerializerOptions OutputOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static Command Sub(ISeedStudy study)
    {
        string name = study.Name;
        bool sweep = study.OptionSet.HasFlag(StudyOptionSet.Sweep);
        bool training = study.OptionSet.HasFlag(StudyOptionSet.Training);
        var input = new Option<FileInfo>("--input") { Description = "JSON input file.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the JSON result here instead of standard output." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the study's table (γ sweep, training curves, stages) as CSV here." };
        var charts = new Option<DirectoryInfo?>("--charts") { Description = "Write the study's SVG charts into this folder." };
        var train = new Option<string?>("--train") { Description = $"Run on real LeNet-5 training of this dataset ({StudyOptions.FashionMnistName})." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Folder holding the dataset's IDX files (default: the installed Fashion-MNIST)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the data draw, initial weights and sample orders (default 1).", DefaultValueFactory = _ => 1 };
        var command = new Command(name, study.Description);
        command.Options.Add(input);
        command.Options.Add(output);
        Option[] extra = [.. sweep ? new Option[] { csv, charts } : [], .. training ? new Option[] { train, dataDir, seed } : []];
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
                    throw new StudyInputException($"--input: file {file.FullName} does not exist.");
                }

                string? dataset = training ? parse.GetValue(train) : null;
                if (dataset is not null && dataset != StudyOptions.FashionMnistName)
                {
                    throw new StudyInputException($"--train: unknown dataset \"{dataset}\" ({StudyOptions.FashionMnistName}).");
                }

                var root = StudyInput.Parse(File.ReadAllText(file.FullName));
                var options = new StudyOptions(
                    CsvPath: sweep ? parse.GetValue(csv)?.FullName : null,
                    ChartsDirectory: sweep ? parse.GetValue(charts)?.FullName : null,
                    Train: dataset,
                    DataDirectory: training ? parse.GetValue(dataDir)?.FullName : null,
                    Seed: training ? parse.GetValue(seed) : 1);
                var result = study.Run(root, options);
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
            catch (StudyInputException e)
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
