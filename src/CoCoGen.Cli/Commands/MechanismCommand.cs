using System.CommandLine;
using System.Text.Json;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen mechanism tradefl|mshap|dfcl --input FILE.json [--out FILE]`: the seed mechanisms other than CoCoGen+,
/// JSON in and JSON out. Exit 0 on success, 2 on bad input with a message naming the field.
/// </summary>
public static class MechanismCommand
{
    /// <summary>Exit code for unusable input.</summary>
    public const int BadInput = 2;

    /// <summary>Creates the command with its three sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("mechanism", "Run TradeFL, M^Shap (reciprocally fair FL) or defection-free collaboration on a JSON input.");
        command.Subcommands.Add(Sub("tradefl", "TradeFL: CGBD, DBR and baselines; optional γ sweep (--csv).", MechanismTradeFlCommand.Run, withCsv: true));
        command.Subcommands.Add(Sub("mshap", "Reciprocally fair FL: M^Shap vs M^0 vs accuracy shaping, payments, reciprocity, gains.", MechanismShapCommand.Run, withCsv: false));
        command.Subcommands.Add(Sub("dfcl", "Defection-free collaboration (Algorithm 1) and the one-sided/complete schemes.", MechanismDefectionFreeCommand.Run, withCsv: false));
        return command;
    }

    /// <summary>Options shared by the output writers.</summary>
    public static JsonSerializerOptions OutputOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static Command Sub(string name, string description, Func<MechanismJsonObject, string?, object> run, bool withCsv)
    {
        var input = new Option<FileInfo>("--input") { Description = "JSON input file.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the JSON result here instead of standard output." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the γ sweep as CSV here." };
        var command = new Command(name, description);
        command.Options.Add(input);
        command.Options.Add(output);
        if (withCsv)
        {
            command.Options.Add(csv);
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

                var root = MechanismJsonObject.Parse(File.ReadAllText(file.FullName));
                string? csvPath = withCsv ? parse.GetValue(csv)?.FullName : null;
                var result = run(root, csvPath);
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
