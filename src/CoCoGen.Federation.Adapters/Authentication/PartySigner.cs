using Nethereum.Signer;

namespace CoCoGen.Federation.Adapters.Authentication;

/// <summary>Signs statements with one party's secp256k1 key (the key of its keystore, never shipped).</summary>
public sealed class PartySigner
{
    private readonly EthECKey _key;
    private readonly EthereumMessageSigner _signer = new();

    /// <summary>Signs as <paramref name="party"/> with <paramref name="key"/>.</summary>
    public PartySigner(string party, EthECKey key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(party);
        Party = party;
        _key = key ?? throw new ArgumentNullException(nameof(key));
        Address = key.GetPublicAddress().ToLowerInvariant();
    }

    /// <summary>Organization id or <c>coordinator</c>.</summary>
    public string Party { get; }

    /// <summary>The key's address (0x-prefixed, lower case).</summary>
    public string Address { get; }

    /// <summary>The 65-byte recoverable signature (r, s, v) of <paramref name="statement"/>.</summary>
    public byte[] Sign(SignedStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Convert.FromHexString(_signer.EncodeUTF8AndSign(statement.Text(), _key)[2..]);
    }
}
