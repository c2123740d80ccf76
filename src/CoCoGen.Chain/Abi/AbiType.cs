using System.Globalization;

namespace CoCoGen.Chain.Abi;

/// <summary>A parsed Solidity ABI type, e.g. uint256, bytes10, uint32[], (uint64,bytes32)[].</summary>
public sealed class AbiType
{
    private AbiType(AbiTypeKind kind, int size, AbiType? element, IReadOnlyList<AbiParameter> components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Components = components;
    }

    /// <summary>The type family.</summary>
    public AbiTypeKind Kind { get; }

    /// <summary>Bit width (uint/int), byte width (bytesN) or length (T[k]); 0 otherwise.</summary>
    public int Size { get; }

    /// <summary>Element type of an array.</summary>
    public AbiType? Element { get; }

    /// <summary>Components of a tuple, in order.</summary>
    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>True when the encoding has a length or offset in it (bytes, string, T[], or anything containing one).</summary>
    public bool IsDynamic => Kind switch
    {
        AbiTypeKind.Bytes or AbiTypeKind.Text or AbiTypeKind.DynamicArray => true,
        AbiTypeKind.FixedArray => Element!.IsDynamic,
        AbiTypeKind.Tuple => Components.Any(component => component.Type.IsDynamic),
        _ => false,
    };

    /// <summary>Bytes a static type takes in the head; 32 for the offset of a dynamic type.</summary>
    public int HeadSize => IsDynamic ? 32 : Kind switch
    {
        AbiTypeKind.FixedArray => Size * Element!.HeadSize,
        AbiTypeKind.Tuple => Components.Sum(component => component.Type.HeadSize),
        _ => 32,
    };

    /// <summary>The canonical form used in signatures: uint for uint256 spelled out, tuples as (…).</summary>
    public string CanonicalName => Kind switch
    {
        AbiTypeKind.UnsignedInteger => "uint" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.SignedInteger => "int" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Address => "address",
        AbiTypeKind.Bool => "bool",
        AbiTypeKind.FixedBytes => "bytes" + Size.ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Bytes => "bytes",
        AbiTypeKind.Text => "string",
        AbiTypeKind.FixedArray => Element!.CanonicalName + "[" + Size.ToString(CultureInfo.InvariantCulture) + "]",
        AbiTypeKind.DynamicArray => Element!.CanonicalName + "[]",
        _ => "(" + string.Join(',', Components.Select(component => component.Type.CanonicalName)) + ")",
    };

    /// <inheritdoc />
    public override string ToString() => CanonicalName;

    /// <summary>A tuple of the given components.</summary>
    public static AbiType Tuple(IReadOnlyList<AbiParameter> components) =>
        new(AbiTypeKind.Tuple, 0, null, components ?? throw new ArgumentNullException(nameof(components)));

    /// <summary>Parses a type name. A name starting with "tuple" takes its components from <paramref name="tupleComponents"/> (as the JSON ABI writes it).</summary>
    /// <exception cref="FormatException">The name is not a valid ABI type.</exception>
    public static AbiType Parse(string name, IReadOnlyList<AbiParameter>? tupleComponents = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        if (text.EndsWith(']'))
        {
            var open = text.LastIndexOf('[');
            if (open < 0)
            {
                throw new FormatException($"ABI type '{name}' has an unmatched ']'.");
            }

            var element = Parse(text[..open], tupleComponents);
            var lengthText = text[(open + 1)..^1];
            if (lengthText.Length == 0)
            {
                return new AbiType(AbiTypeKind.DynamicArray, 0, element, []);
            }

            if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
            {
                throw new FormatException($"ABI type '{name}' has an invalid array length '{lengthText}'.");
            }

            return new AbiType(AbiTypeKind.FixedArray, length, element, []);
        }

        if (text == "tuple")
        {
            return Tuple(tupleComponents ?? throw new FormatException($"ABI type '{name}' needs its tuple components."));
        }

        if (text.StartsWith('(') && text.EndsWith(')'))
        {
            return Tuple(SplitTopLevel(text[1..^1]).Select((part, index) => new AbiParameter(string.Empty, Parse(part))).ToArray());
        }

        return text switch
        {
            "address" => new AbiType(AbiTypeKind.Address, 0, null, []),
            "bool" => new AbiType(AbiTypeKind.Bool, 0, null, []),
            "string" => new AbiType(AbiTypeKind.Text, 0, null, []),
            "bytes" => new AbiType(AbiTypeKind.Bytes, 0, null, []),
            "uint" => new AbiType(AbiTypeKind.UnsignedInteger, 256, null, []),
            "int" => new AbiType(AbiTypeKind.SignedInteger, 256, null, []),
            _ when text.StartsWith("uint", StringComparison.Ordinal) => Sized(AbiTypeKind.UnsignedInteger, text[4..], name),
            _ when text.StartsWith("int", StringComparison.Ordinal) => Sized(AbiTypeKind.SignedInteger, text[3..], name),
            _ when text.StartsWith("bytes", StringComparison.Ordinal) => Sized(AbiTypeKind.FixedBytes, text[5..], name),
            _ => throw new FormatException($"'{name}' is not an ABI type this client supports."),
        };
    }

    private static AbiType Sized(AbiTypeKind kind, string digits, string name)
    {
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || (kind == AbiTypeKind.FixedBytes ? size is < 1 or > 32 : size is < 8 or > 256 || size % 8 != 0))
        {
            throw new FormatException($"ABI type '{name}' has an invalid size '{digits}'.");
        }

        return new AbiType(kind, size, null, []);
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        if (text.Length == 0)
        {
            return parts;
        }

        var depth = 0;
        var start = 0;
        for (var index = 0; index < text.Length; index++)
        {
            switch (text[index])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(text[start..index]);
                    start = index + 1;
                    break;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
