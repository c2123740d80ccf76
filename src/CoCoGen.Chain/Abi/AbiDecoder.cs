using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Abi;

/// <summary>
/// Solidity contract ABI decoding. Produces <see cref="BigInteger"/> for integers, <see cref="EthereumAddress"/>,
/// bool, byte[] for bytes/bytesN, string, and object?[] for arrays and tuples. Offsets and lengths are bounds-checked.
/// </summary>
public static class AbiDecoder
{
    /// <summary>Decodes data as the tuple of the given types.</summary>
    /// <exception cref="FormatException">The data is too short, an offset points outside it, or a value is out of range for its type.</exception>
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(types);
        return DecodeTuple(types, data, 0, "result");
    }

    /// <summary>Decodes a single value of one type.</summary>
    public static object? DecodeSingle(AbiType type, ReadOnlySpan<byte> data) => Decode([type], data)[0];

    /// <summary>Decodes an indexed event topic of a static type (dynamic indexed values are only hashes and come back as byte[]).</summary>
    public static object? DecodeTopic(AbiType type, ReadOnlySpan<byte> topic)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (topic.Length != 32)
        {
            throw new FormatException($"A topic has 32 bytes, got {topic.Length}.");
        }

        return type.IsDynamic || type.Kind is AbiTypeKind.Tuple or AbiTypeKind.FixedArray
            ? topic.ToArray()
            : DecodeValue(type, topic, 0, "topic");
    }

    private static object?[] DecodeTuple(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, int start, string path)
    {
        var values = new object?[types.Count];
        var head = start;
        for (var index = 0; index < types.Count; index++)
        {
            var slot = $"{path}[{index}]";
            if (types[index].IsDynamic)
            {
                var offset = ReadLength(data, head, slot);
                values[index] = DecodeValue(types[index], data, checked(start + offset), slot);
            }
            else
            {
                values[index] = DecodeValue(types[index], data, head, slot);
            }

            head += types[index].HeadSize;
        }

        return values;
    }

    private static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data, int position, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
            {
                var value = EvmWord.ReadUnsigned(Word(data, position, path));
                if (value >> type.Size != 0)
                {
                    throw new FormatException($"{path}: {value} is outside the range of {type.CanonicalName}.");
                }

                return value;
            }

            case AbiTypeKind.SignedInteger:
            {
                var value = EvmWord.ReadSigned(Word(data, position, path));
                var bound = BigInteger.One << (type.Size - 1);
                if (value < -bound || value >= bound)
                {
                    throw new FormatException($"{path}: {value} is outside the range of {type.CanonicalName}.");
                }

                return value;
            }

            case AbiTypeKind.Address:
            {
                var word = Word(data, position, path);
                if (word[..12].ContainsAnyExcept((byte)0))
                {
                    throw new FormatException($"{path}: address word has non-zero padding.");
                }

                return EthereumAddress.FromBytes(word[12..]);
            }

            case AbiTypeKind.Bool:
            {
                var value = EvmWord.ReadUnsigned(Word(data, position, path));
                return value > 1 ? throw new FormatException($"{path}: bool word is {value}.") : value == 1;
            }

            case AbiTypeKind.FixedBytes:
                return Word(data, position, path)[..type.Size].ToArray();
            case AbiTypeKind.Bytes:
                return Payload(data, position, path).ToArray();
            case AbiTypeKind.Text:
                return System.Text.Encoding.UTF8.GetString(Payload(data, position, path));
            case AbiTypeKind.FixedArray:
                return DecodeTuple(Enumerable.Repeat(type.Element!, type.Size).ToArray(), data, position, path);
            case AbiTypeKind.DynamicArray:
            {
                var count = ReadLength(data, position, path);
                if (count > (data.Length - position) / 32 + 1)
                {
                    throw new FormatException($"{path}: array length {count} exceeds the data.");
                }

                return DecodeTuple(Enumerable.Repeat(type.Element!, count).ToArray(), data, position + 32, path);
            }

            case AbiTypeKind.Tuple:
                return DecodeTuple(type.Components.Select(component => component.Type).ToArray(), data, position, path);
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type.Kind, $"{path}: unknown ABI type kind.");
        }
    }

    private static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> data, int position, string path)
    {
        var length = ReadLength(data, position, path);
        if ((long)position + 32 + length > data.Length)
        {
            throw new FormatException($"{path}: length {length} runs past the end of the data.");
        }

        return data.Slice(position + 32, length);
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int position, string path)
    {
        var value = EvmWord.ReadUnsigned(Word(data, position, path));
        if (value > data.Length)
        {
            throw new FormatException($"{path}: offset or length {value} exceeds the data ({data.Length} bytes).");
        }

        return (int)value;
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int position, string path)
    {
        if (position < 0 || (long)position + 32 > data.Length)
        {
            throw new FormatException($"{path}: a word at offset {position} runs past the end of the data ({data.Length} bytes).");
        }

        return data.Slice(position, 32);
    }
}
