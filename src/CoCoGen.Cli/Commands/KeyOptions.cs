using System.CommandLine;
using CoCoGen.Federation.Adapters.Keys;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `--keystore FILE --passphrase-file FILE` of the distributed shape's processes (Chain:Keystore, Chain:PassphraseFile);
/// the passphrase may instead come from the environment variable Chain:PassphraseVariable (COCOGEN_PASSPHRASE).
/// </summary>
internal static class KeyOptions
{
    /// <summary>--keystore FILE.</summary>
    public static Option<string> Keystore { get; } = new("--keystore") { Description = "This party's Web3 Secret Storage keystore (Chain:Keystore); make one with `cocogen keys new`." };

    /// <summary>--passphrase-file FILE.</summary>
    public static Option<string> PassphraseFile { get; } = new("--passphrase-file") { Description = "File holding the keystore's passphrase (Chain:PassphraseFile); else the variable COCOGEN_PASSPHRASE." };

    /// <summary>The configuration keys the two options set.</summary>
    public static Dictionary<string, string?> Settings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = new Dictionary<string, string?>();
        if (parse.GetValue(Keystore) is { } keystore)
        {
            settings["Chain:Keystore"] = keystore;
        }

        if (parse.GetValue(PassphraseFile) is { } passphraseFile)
        {
            settings["Chain:PassphraseFile"] = passphraseFile;
        }

        return settings;
    }

    /// <summary>Writes a key failure's one line; false when <paramref name="exception"/> is not one.</summary>
    public static bool TryReport(Exception exception, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (exception is not PartyKeyException key)
        {
            return false;
        }

        error.WriteLine(key.Message);
        return true;
    }
}
