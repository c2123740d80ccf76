using Nethereum.Util;

namespace CoCoGen.Chain.Accounts;

/// <summary>
/// A 20-byte account or contract address. Parsing and the EIP-55 checksum are Nethereum's (<see cref="AddressUtil"/>);
/// this type only keeps a validated address from travelling as a string that every reader re-parses.
/// </summary>
public readonly struct EthereumAddress : IEquatable<EthereumAddress>
{
    private readonly string? _lowerHex;

    private EthereumAddress(string lowerHex) => _lowerHex = lowerHex;

    /// <summary>The zero address.</summary>
    public static EthereumAddress Zero { get; } = new(AddressUtil.ZERO_ADDRESS);

    /// <summary>
    /// Parses "0x" + 40 hex digits. All-lower and all-upper spellings are accepted; a mixed-case spelling must carry a
    /// valid EIP-55 checksum.
    /// </summary>
    /// <exception cref="FormatException">Not an address, or a mixed-case spelling with a wrong checksum.</exception>
    public static EthereumAddress Parse(string text)
    {
        if (!TryParse(text, out var address))
        {
            throw new FormatException($"'{text}' is not an Ethereum address (0x + 40 hex digits, EIP-55 checksum when mixed case).");
        }

        return address;
    }

    /// <summary>Parses like <see cref="Parse"/>; false instead of an exception.</summary>
    public static bool TryParse(string? text, out EthereumAddress address)
    {
        address = default;
        if (text is null || !AddressUtil.Current.IsValidEthereumAddressHexFormat(text))
        {
            return false;
        }

        var digits = text.AsSpan(2);
        var mixedCase = digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
        if (mixedCase && !AddressUtil.Current.IsChecksumAddress(text))
        {
            return false;
        }

        address = new EthereumAddress(text.ToLowerInvariant());
        return true;
    }

    /// <summary>The address of these 20 bytes.</summary>
    /// <exception cref="ArgumentException">Not 20 bytes.</exception>
    public static EthereumAddress FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 20 ? new EthereumAddress("0x" + Convert.ToHexStringLower(bytes)) : throw new ArgumentException($"An address is 20 bytes, not {bytes.Length}.", nameof(bytes));

    /// <summary>The 20 bytes.</summary>
    public byte[] ToBytes() => Convert.FromHexString(LowerHex.AsSpan(2));

    /// <summary>The EIP-55 checksummed spelling.</summary>
    public string ToChecksumString() => AddressUtil.Current.ConvertToChecksumAddress(LowerHex);

    /// <summary>"0x" + 40 lower-case hex digits, the spelling JSON-RPC and the run records use.</summary>
    public string ToLowerHex() => LowerHex;

    /// <inheritdoc/>
    public override string ToString() => ToChecksumString();

    /// <inheritdoc/>
    public bool Equals(EthereumAddress other) => string.Equals(LowerHex, other.LowerHex, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EthereumAddress other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(LowerHex);

    /// <summary>Equality.</summary>
    public static bool operator ==(EthereumAddress left, EthereumAddress right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(EthereumAddress left, EthereumAddress right) => !left.Equals(right);

    private string LowerHex => _lowerHex ?? AddressUtil.ZERO_ADDRESS;
}
