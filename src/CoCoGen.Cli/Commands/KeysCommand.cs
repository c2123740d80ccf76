using System.CommandLine;
using CoCoGen.Chain.Keys;
using CoCoGen.Cli.Hosting;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen keys new --out FILE [--passphrase-file FILE]`: a fresh key in a Web3 Secret Storage keystore, encrypted under
/// the passphrase from the file or the environment variable COCOGEN_PASSPHRASE. Prints the address only. Exit 2 when the
/// file exists or no passphrase is given.
/// </summary>
public static class KeysCommand
{
    /// <summary>The environment variable the passphrase is read from when no file is given.</summary>
    public const string PassphraseVariable = "COCOGEN_PASSPHRASE";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Keystore file to create (refused if it exists).", Required = true };
        var passphraseFile = new Option<string>("--passphrase-file") { Description = $"File holding the passphrase; else the variable {PassphraseVariable}." };
        var create = new Command("new", "Create a key in a new Web3 Secret Storage keystore; prints its address.") { output, passphraseFile };
        create.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetValue(output)!;
            string? passphrase;
            if (parse.GetValue(passphraseFile) is { } file)
            {
                if (!File.Exists(file))
                {
                    error.WriteLine($"--passphrase-file: {file} does not exist");
                    return CocogenHost.BadConfiguration;
                }

                passphrase = File.ReadAllText(file).TrimEnd('\r', '\n');
            }
            else
            {
                passphrase = Environment.GetEnvironmentVariable(PassphraseVariable);
            }

            if (string.IsNullOrEmpty(passphrase))
            {
                error.WriteLine($"--passphrase-file: give a passphrase file or set the environment variable {PassphraseVariable}");
                return CocogenHost.BadConfiguration;
            }

            if (File.Exists(path))
            {
                error.WriteLine($"--out: {path} exists; a keystore is never overwritten");
                return CocogenHost.BadConfiguration;
            }

            try
            {
                var key = KeyStoreFile.Create(path, passphrase);
                parse.InvocationConfiguration.Output.WriteLine(key.GetPublicAddress());
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"--out: {path}: {ex.Message}");
                return CocogenHost.BadConfiguration;
            }
        });
        return new Command("keys", "Keys of the distributed shape.") { create };
    }
}
