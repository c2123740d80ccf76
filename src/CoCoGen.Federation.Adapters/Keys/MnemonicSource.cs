using CoCoGen.Chain.Keys;

namespace CoCoGen.Federation.Adapters.Keys;

/// <summary>
/// Where the run's HD mnemonic comes from. The well-known Hardhat development mnemonic is used only on
/// a local development chain (ids 31337 and 1337) and refused anywhere else; otherwise the mnemonic is
/// read from an environment variable or a file, never from the command line. The mnemonic is never
/// logged, and <see cref="ToString"/> shows only where it came from. Only the one-process local demo
/// (`cocogen run`) derives keys from a mnemonic; the distributed shape uses one keystore per party.
/// </summary>
public sealed class MnemonicSource
{
    /// <summary>Hardhat's and Anvil's published development mnemonic (its keys are public).</summary>
    public const string DevelopmentMnemonic = DevelopmentWallet.HardhatMnemonic;

    private readonly string _mnemonic;

    private MnemonicSource(string mnemonic, string origin)
    {
        _mnemonic = mnemonic;
        Origin = origin;
    }

    /// <summary>Where the mnemonic was read from (safe to log).</summary>
    public string Origin { get; }

    /// <summary>True for chain ids that identify a local development chain.</summary>
    public static bool IsDevelopmentChain(long chainId) => chainId is 31337 or 1337;

    /// <summary>Resolves the mnemonic for <paramref name="chainId"/>; errors name the setting to fix.</summary>
    public static MnemonicSource Resolve(long chainId, string? variable, string? file)
    {
        string? mnemonic = null;
        string? origin = null;
        if (!string.IsNullOrWhiteSpace(variable) && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromVariable)
        {
            mnemonic = fromVariable;
            origin = $"environment variable {variable}";
        }
        else if (!string.IsNullOrWhiteSpace(file))
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"Chain:MnemonicFile: {file} does not exist");
            }

            mnemonic = File.ReadAllText(file);
            origin = $"file {file}";
        }

        mnemonic = mnemonic is null ? null : string.Join(' ', mnemonic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (mnemonic is null)
        {
            return IsDevelopmentChain(chainId)
                ? new MnemonicSource(DevelopmentMnemonic, "the Hardhat development mnemonic (local chain)")
                : throw new InvalidOperationException(
                    $"Chain:MnemonicVariable/Chain:MnemonicFile: chain {chainId} is not a local development chain, so a mnemonic must come from the environment variable {variable} or a file; the development mnemonic is only used on chains 31337 and 1337");
        }

        if (mnemonic == DevelopmentMnemonic && !IsDevelopmentChain(chainId))
        {
            throw new InvalidOperationException(
                $"Chain:ChainId: the public development mnemonic ({origin}) is refused on chain {chainId}; its keys are known to everyone");
        }

        return new MnemonicSource(mnemonic, origin!);
    }

    /// <summary>The wallet of the mnemonic (the one-process local demo's keys).</summary>
    /// <exception cref="InvalidOperationException">Not a BIP-39 mnemonic; the message names where it came from, never a word.</exception>
    public DevelopmentWallet OpenWallet()
    {
        try
        {
            return new DevelopmentWallet(_mnemonic);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"Chain:MnemonicVariable/Chain:MnemonicFile: the mnemonic from {Origin} is invalid: {exception.Message}", exception);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"mnemonic from {Origin}";
}
