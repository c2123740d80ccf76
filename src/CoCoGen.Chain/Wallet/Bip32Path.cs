using System.Globalization;

namespace CoCoGen.Chain.Wallet;

/// <summary>A BIP-32 derivation path such as m/44'/60'/0'/0/3; hardened indices carry the 2^31 bit.</summary>
public sealed class Bip32Path
{
    /// <summary>The bit that marks a hardened index.</summary>
    public const uint HardenedBit = 0x8000_0000;

    private Bip32Path(IReadOnlyList<uint> indices) => Indices = indices;

    /// <summary>Child indices from the master key down.</summary>
    public IReadOnlyList<uint> Indices { get; }

    /// <summary>The BIP-44 Ethereum account path m/44'/60'/0'/0/index.</summary>
    public static Bip32Path Ethereum(uint index) => new([44 | HardenedBit, 60 | HardenedBit, HardenedBit, 0, index]);

    /// <summary>Parses "m/…" with ' or h marking hardened indices.</summary>
    /// <exception cref="FormatException">The path does not start with m or has an invalid segment (named).</exception>
    public static Bip32Path Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        if (segments[0] != "m")
        {
            throw new FormatException($"Derivation path '{path}' must start with 'm'.");
        }

        var indices = new List<uint>();
        foreach (var segment in segments.Skip(1))
        {
            var hardened = segment.EndsWith('\'') || segment.EndsWith('h');
            var digits = hardened ? segment[..^1] : segment;
            if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= HardenedBit)
            {
                throw new FormatException($"Derivation path '{path}' has an invalid segment '{segment}'.");
            }

            indices.Add(hardened ? index | HardenedBit : index);
        }

        return new Bip32Path(indices);
    }

    /// <inheritdoc />
    public override string ToString() =>
        "m" + string.Concat(Indices.Select(index => "/" + (index & ~HardenedBit).ToString(CultureInfo.InvariantCulture) + ((index & HardenedBit) != 0 ? "'" : string.Empty)));
}
