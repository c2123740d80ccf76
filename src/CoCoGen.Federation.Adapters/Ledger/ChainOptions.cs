using System.ComponentModel.DataAnnotations;
using CoCoGen.Chain.Hosting;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>
/// The Ethereum endpoint and keys (configuration section <c>Chain</c>). A secret is never an option: the
/// coordinator's and each organization's keystore passphrase, and the local demo's mnemonic, are read from the
/// environment variable or file named here.
/// </summary>
public sealed class ChainOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Chain";

    /// <summary>
    /// JSON-RPC endpoint; empty: <c>cocogen run</c> uses the local chain of <see cref="LocalDirectory"/> (starting it
    /// if it is down), which outlives the run so the run can be audited and resumed afterwards.
    /// </summary>
    public string? RpcUrl { get; set; }

    /// <summary>Chain id the endpoint must report; any other is refused.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Chain:ChainId must be a positive integer")]
    public long ChainId { get; set; } = 31337;

    /// <summary>
    /// This party's Web3 Secret Storage keystore (<c>cocogen coordinator</c> and <c>cocogen org</c>; made by
    /// <c>cocogen keys new --out FILE</c>).
    /// </summary>
    public string? Keystore { get; set; }

    /// <summary>Environment variable holding the keystore's passphrase.</summary>
    public string PassphraseVariable { get; set; } = "COCOGEN_PASSPHRASE";

    /// <summary>File holding the keystore's passphrase (used when the variable is unset).</summary>
    public string? PassphraseFile { get; set; }

    /// <summary>Environment variable holding the BIP-39 mnemonic of the one-process local demo (<c>cocogen run</c>).</summary>
    public string MnemonicVariable { get; set; } = "COCOGEN_MNEMONIC";

    /// <summary>File holding the BIP-39 mnemonic (used when the variable is unset).</summary>
    public string? MnemonicFile { get; set; }

    /// <summary>Folder of the local chain (<c>cocogen chain up</c>); empty: the per-user default.</summary>
    public string? LocalDirectory { get; set; }

    /// <summary>Loopback port of the local chain.</summary>
    [Range(1024, 65535, ErrorMessage = "Chain:LocalPort must be between {1} and {2}")]
    public int LocalPort { get; set; } = 8545;

    /// <summary>The anvil executable of the local chain; empty: tools/anvil of the checkout, else the PATH.</summary>
    public string? Anvil { get; set; }

    /// <summary>Local demo: HD account index of the coordinator; organization i (from 1) uses this + i.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Chain:CoordinatorAccount must be between {1} and {2}")]
    public int CoordinatorAccount { get; set; }

    /// <summary>The local chain these options describe (used when <see cref="RpcUrl"/> is empty).</summary>
    public LocalChainOptions LocalChain() => new()
    {
        Directory = string.IsNullOrWhiteSpace(LocalDirectory) ? LocalChainOptions.DefaultDirectory() : Path.GetFullPath(LocalDirectory),
        Port = LocalPort,
        ChainId = ChainId,
        Anvil = string.IsNullOrWhiteSpace(Anvil) ? null : Anvil,
    };

    /// <summary>A copy bound to the local chain at <paramref name="endpoint"/> in <paramref name="directory"/>, as config.json records it.</summary>
    public ChainOptions BoundToLocalChain(Uri endpoint, string directory)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var copy = (ChainOptions)MemberwiseClone();
        copy.RpcUrl = endpoint.ToString();
        copy.LocalDirectory = directory;
        copy.LocalPort = endpoint.Port;
        return copy;
    }
}
