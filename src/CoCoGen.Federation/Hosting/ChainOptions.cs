using System.ComponentModel.DataAnnotations;

namespace CoCoGen.Federation.Hosting;

/// <summary>
/// The Ethereum endpoint and keys (configuration section <c>Chain</c>). A secret is never an option: the
/// coordinator's and each organization's keystore passphrase, and the local demo's mnemonic, are read from the
/// environment variable or file named here.
/// </summary>
public sealed class ChainOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Chain";

    /// <summary>JSON-RPC endpoint; empty: <c>cocogen run</c> starts a local Hardhat node and stops it on exit.</summary>
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

    /// <summary>Hardhat launcher used when no RPC URL is configured.</summary>
    [Required(ErrorMessage = "Chain:Hardhat is required")]
    public string Hardhat { get; set; } = "hardhat/bin/hardhat";

    /// <summary>Local demo: HD account index of the coordinator; organization i (from 1) uses this + i.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Chain:CoordinatorAccount must be between {1} and {2}")]
    public int CoordinatorAccount { get; set; }
}
