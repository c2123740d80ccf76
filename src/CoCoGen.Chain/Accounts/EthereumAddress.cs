using CoCoGen.Chain.Hashing;

namespace CoCoGen.Chain.Accounts;

/// <summary>A 20-byte Ethereum account address, printed with its EIP-55 mixed-case checksum.</summary>
public readonly struct EthereumAddress : IEquatable<EthereumAddress>
{
    /// <summary>Size of an address in bytes.</summary>
    public const int Size = 20;

    private readonly string? _lowerHex;

    private EthereumAddress(string lowerHex) => _lowerHex = lowerHex;

    /// <summary>The zero address.</summary>
    public static EthereumAddress Zero { get; } = new(new string('0', 40));

    /// <summary>The 20 address bytes.</summary>
    public byte[] ToBytes() => Convert.FromHexString(LowerHex);

    /// <summary>Builds an address from exactly 20 bytes.</summary>
    /// <exception cref="ArgumentException">The span is not 20 bytes long.</exception>
    public static EthereumAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"An address has {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }

        return new EthereumAddress(Convert.ToHexStringLower(bytes));
    }

    /// <summary>The address of an uncompressed secp256k1 public key (64 bytes x‖y, or 65 with the 0x04 prefix).</summary>
    public static EthereumAddress FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
        {
            publicKey = publicKey[1..];
        }

        if (publicKey.Length != 64)
        {
            throw new ArgumentException($"An uncompressed public key has 64 bytes, got {publicKey.Length}.", nameof(publicKey));
        }

        return FromBytes(Keccak256.Hash(publicKey).AsSpan(12));
    }

    /// <summary>Parses "0x" + 40 hex digits. Mixed case must carry a valid EIP-55 checksum; all-lower or all-upper is accepted.</summary>
    /// <exception cref="FormatException">Wrong length, not hex, or a mixed-case checksum that does not match.</exception>
    public static EthereumAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length != 40 || !digits.All(char.IsAsciiHexDigit))
        {
            throw new FormatException($"Address '{text}' is not 40 hex digits.");
        }

        var address = new EthereumAddress(digits.ToLowerInvariant());
        var isMixedCase = digits.Any(char.IsAsciiLetterLower) && digits.Any(char.IsAsciiLetterUpper);
        if (isMixedCase && address.ToChecksumString()[2..] != digits)
        {
            throw new FormatException($"Address '{text}' has an invalid EIP-55 checksum (expected {address.ToChecksumString()}).");
        }

        return address;
    }

    /// <summary>The EIP-55 checksummed form: a hex letter is upper case when the matching nibble of keccak(lower-hex) is ≥ 8.</summary>
    public string ToChecksumString()
    {
        var lower = LowerHex;
        var hash = Keccak256.HashUtf8(lower);
        var chars = new char[42];
        chars[0] = '0';
        chars[1] = 'x';
        for (var index = 0; index < 40; index++)
        {
            var nibble = (hash[index / 2] >> (index % 2 == 0 ? 4 : 0)) & 0xf;
            chars[index + 2] = nibble >= 8 ? char.ToUpperInvariant(lower[index]) : lower[index];
        }

        return new string(chars);
    }

    /// <summary>Lower-case "0x…" form, as JSON-RPC parameters use it.</summary>
    public string ToLowerHex() => "0x" + LowerHex;

    /// <inheritdoc />
    public override string ToString() => ToChecksumString();

    /// <inheritdoc />
    public bool Equals(EthereumAddress other) => string.Equals(LowerHex, other.LowerHex, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EthereumAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(LowerHex);

    /// <summary>Equality by address bytes.</summary>
    public static bool operator ==(EthereumAddress left, EthereumAddress right) => left.Equals(right);

    /// <summary>Inequality by address bytes.</summary>
    public static bool operator !=(EthereumAddress left, EthereumAddress right) => !left.Equals(right);

    private string LowerHex => _lowerHex ?? Zero._lowerHex!;
}
