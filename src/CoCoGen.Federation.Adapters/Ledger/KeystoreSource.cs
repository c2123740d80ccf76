using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Chain.Keys;
using Nethereum.Signer;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>
/// A party's key from its Web3 Secret Storage keystore (<c>Chain:Keystore</c>), unlocked with the passphrase from the
/// environment variable <c>Chain:PassphraseVariable</c> or else the file <c>Chain:PassphraseFile</c>. Errors name the
/// setting, the variable or the file, never the passphrase.
/// </summary>
public static class KeystoreSource
{
    /// <summary>Why the settings cannot unlock a key, or null when they name a keystore and a passphrase source that exist.</summary>
    public static string? Problem(ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Keystore))
        {
            return "Chain:Keystore (--keystore FILE) is required: each party of the distributed shape signs with its own key (create one with `cocogen keys new --out FILE`)";
        }

        if (!File.Exists(options.Keystore))
        {
            return $"Chain:Keystore: {options.Keystore} does not exist";
        }

        if (PassphraseFromVariable(options) is null && string.IsNullOrWhiteSpace(options.PassphraseFile))
        {
            return $"Chain:PassphraseFile (--passphrase-file FILE) or the environment variable {options.PassphraseVariable} must hold the passphrase of {options.Keystore}";
        }

        if (PassphraseFromVariable(options) is null && !File.Exists(options.PassphraseFile))
        {
            return $"Chain:PassphraseFile: {options.PassphraseFile} does not exist";
        }

        return null;
    }

    /// <summary>Unlocks the keystore the settings name.</summary>
    /// <exception cref="PartyKeyException">A setting is missing, or the file is missing, corrupt or the passphrase wrong (named).</exception>
    public static EthECKey Unlock(ChainOptions options)
    {
        if (Problem(options) is { } problem)
        {
            throw new PartyKeyException(problem);
        }

        var fromVariable = PassphraseFromVariable(options);
        var passphrase = fromVariable ?? File.ReadAllText(options.PassphraseFile!).TrimEnd('\r', '\n');
        var origin = fromVariable is null ? $"the passphrase file {options.PassphraseFile}" : $"the environment variable {options.PassphraseVariable}";
        try
        {
            return KeyStoreFile.Unlock(options.Keystore!, passphrase);
        }
        catch (KeyUnlockException exception)
        {
            throw new PartyKeyException($"Chain:Keystore: {exception.Message} (passphrase from {origin})", exception);
        }
    }

    private static string? PassphraseFromVariable(ChainOptions options) =>
        !string.IsNullOrWhiteSpace(options.PassphraseVariable) && Environment.GetEnvironmentVariable(options.PassphraseVariable) is { Length: > 0 } value ? value : null;
}
