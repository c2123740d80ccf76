namespace CoCoGen.Chain.Accounts;

/// <summary>A 32-byte transaction hash, validated once where it enters (a node's answer, a run record).</summary>
public readonly struct TransactionHash : IEquatable<TransactionHash>
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");
    private readonly string? _lowerHex;

    private TransactionHash(string lowerHex) => _lowerHex = lowerHex;

    /// <summary>Parses "0x" + 64 hex digits (any case).</summary>
    /// <exception cref="FormatException">Not a 32-byte hash.</exception>
    public static TransactionHash Parse(string text)
    {
        if (text is not { Length: 66 } || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.AsSpan(2).ContainsAnyExcept(HexDigits))
        {
            throw new FormatException($"'{text}' is not a transaction hash (0x + 64 hex digits).");
        }

        return new TransactionHash("0x" + text[2..].ToLowerInvariant());
    }

    /// <summary>The hash whose value is these 32 bytes.</summary>
    /// <exception cref="ArgumentException">Not 32 bytes.</exception>
    public static TransactionHash FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 32 ? new TransactionHash("0x" + Convert.ToHexStringLower(bytes)) : throw new ArgumentException($"A transaction hash is 32 bytes, not {bytes.Length}.", nameof(bytes));

    /// <summary>The 32 bytes.</summary>
    public byte[] ToBytes() => Convert.FromHexString(ToString().AsSpan(2));

    /// <summary>The hash of raw bytes as Nethereum computes it (Keccak-256).</summary>
    public static TransactionHash Of(ReadOnlySpan<byte> rawTransaction) =>
        new("0x" + Convert.ToHexStringLower(Nethereum.Util.Sha3Keccack.Current.CalculateHash(rawTransaction.ToArray())));

    /// <inheritdoc/>
    public override string ToString() => _lowerHex ?? "0x" + new string('0', 64);

    /// <inheritdoc/>
    public bool Equals(TransactionHash other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TransactionHash other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Equality.</summary>
    public static bool operator ==(TransactionHash left, TransactionHash right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TransactionHash left, TransactionHash right) => !left.Equals(right);
}
