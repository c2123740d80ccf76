using System.Collections;
using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Abi;

/// <summary>
/// Solidity contract ABI encoding (head/tail layout). Values: integers as <see cref="BigInteger"/> or any
/// built-in integer, address as <see cref="EthereumAddress"/>, bool, bytes/bytesN as byte[], string,
/// arrays and tuples as any <see cref="IEnumerable"/> of element values.
/// </summary>
public static class AbiEncoder
{
    /// <summary>Encodes values as the tuple of the given types (function arguments, return data, error data).</summary>
    /// <exception cref="ArgumentException">A value count, kind or range does not match its type; the message names the slot.</exception>
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        WriteTuple(stream, types, values, "arguments");
        return stream.ToArray();
    }

    /// <summary>Encodes a call: the 4-byte selector followed by the encoded arguments.</summary>
    public static byte[] EncodeCall(ReadOnlySpan<byte> selector, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        if (selector.Length != 4)
        {
            throw new ArgumentException($"A selector has 4 bytes, got {selector.Length}.", nameof(selector));
        }

        var arguments = Encode(types, values);
        var call = new byte[4 + arguments.Length];
        selector.CopyTo(call);
        arguments.CopyTo(call, 4);
        return call;
    }

    /// <summary>Encodes one value of one type as a standalone tuple of one element.</summary>
    public static byte[] EncodeSingle(AbiType type, object? value) => Encode([type], [value]);

    /// <summary>The 32-byte topic of an indexed event argument: the word of a static value, Keccak-256 of the packed form of a dynamic one.</summary>
    public static byte[] EncodeTopic(AbiType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsDynamic && type.Kind is not (AbiTypeKind.Tuple or AbiTypeKind.FixedArray))
        {
            return EncodeSingle(type, value);
        }

        if (type.Kind == AbiTypeKind.Text)
        {
            return Hashing.Keccak256.HashUtf8(AsString(value, "topic"));
        }

        if (type.Kind == AbiTypeKind.Bytes)
        {
            return Hashing.Keccak256.Hash(AsBytes(value, "topic"));
        }

        throw new NotSupportedException($"Indexed {type.CanonicalName} topics (arrays and structs) are not supported as filters.");
    }

    private static void WriteTuple(MemoryStream stream, IReadOnlyList<AbiType> types, IReadOnlyList<object?> values, string path)
    {
        if (types.Count != values.Count)
        {
            throw new ArgumentException($"{path}: expected {types.Count} values, got {values.Count}.", nameof(values));
        }

        var headSize = types.Sum(type => type.HeadSize);
        using var tails = new MemoryStream();
        for (var index = 0; index < types.Count; index++)
        {
            var slot = $"{path}[{index}]";
            if (types[index].IsDynamic)
            {
                WriteWord(stream, headSize + tails.Length, slot);
                WriteValue(tails, types[index], values[index], slot);
            }
            else
            {
                WriteValue(stream, types[index], values[index], slot);
            }
        }

        tails.WriteTo(stream);
    }

    private static void WriteValue(MemoryStream stream, AbiType type, object? value, string path)
    {
        switch (type.Kind)
        {
            case AbiTypeKind.UnsignedInteger:
                WriteInteger(stream, type, AsInteger(value, path), isSigned: false, path);
                break;
            case AbiTypeKind.SignedInteger:
                WriteInteger(stream, type, AsInteger(value, path), isSigned: true, path);
                break;
            case AbiTypeKind.Address:
                var address = value switch
                {
                    EthereumAddress typed => typed,
                    string text => EthereumAddress.Parse(text),
                    _ => throw Mismatch(path, type, value),
                };
                WriteWord(stream, new BigInteger(address.ToBytes(), isUnsigned: true, isBigEndian: true), path);
                break;
            case AbiTypeKind.Bool:
                WriteWord(stream, value is bool flag ? (flag ? 1 : 0) : throw Mismatch(path, type, value), path);
                break;
            case AbiTypeKind.FixedBytes:
                var fixedBytes = AsBytes(value, path);
                if (fixedBytes.Length != type.Size)
                {
                    throw new ArgumentException($"{path}: {type.CanonicalName} needs {type.Size} bytes, got {fixedBytes.Length}.");
                }

                WritePadded(stream, fixedBytes);
                break;
            case AbiTypeKind.Bytes:
                var bytes = AsBytes(value, path);
                WriteWord(stream, bytes.Length, path);
                WritePadded(stream, bytes);
                break;
            case AbiTypeKind.Text:
                var utf8 = System.Text.Encoding.UTF8.GetBytes(AsString(value, path));
                WriteWord(stream, utf8.Length, path);
                WritePadded(stream, utf8);
                break;
            case AbiTypeKind.FixedArray:
                var fixedItems = AsList(value, type, path);
                if (fixedItems.Count != type.Size)
                {
                    throw new ArgumentException($"{path}: {type.CanonicalName} needs {type.Size} elements, got {fixedItems.Count}.");
                }

                WriteTuple(stream, Enumerable.Repeat(type.Element!, fixedItems.Count).ToArray(), fixedItems, path);
                break;
            case AbiTypeKind.DynamicArray:
                var items = AsList(value, type, path);
                WriteWord(stream, items.Count, path);
                WriteTuple(stream, Enumerable.Repeat(type.Element!, items.Count).ToArray(), items, path);
                break;
            case AbiTypeKind.Tuple:
                WriteTuple(stream, type.Components.Select(component => component.Type).ToArray(), AsList(value, type, path), path);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type.Kind, $"{path}: unknown ABI type kind.");
        }
    }

    private static void WriteInteger(MemoryStream stream, AbiType type, BigInteger value, bool isSigned, string path)
    {
        var min = isSigned ? -(BigInteger.One << (type.Size - 1)) : BigInteger.Zero;
        var max = isSigned ? (BigInteger.One << (type.Size - 1)) - 1 : (BigInteger.One << type.Size) - 1;
        if (value < min || value > max)
        {
            throw new ArgumentException($"{path}: {value} is outside the range of {type.CanonicalName}.");
        }

        WriteWord(stream, value, path);
    }

    private static void WriteWord(MemoryStream stream, BigInteger value, string path)
    {
        Span<byte> word = stackalloc byte[EvmWord.Size];
        try
        {
            EvmWord.Write(value, word);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new ArgumentException($"{path}: {value} does not fit in a word.", exception);
        }

        stream.Write(word);
    }

    private static void WritePadded(MemoryStream stream, byte[] bytes)
    {
        stream.Write(bytes);
        var padding = (32 - (bytes.Length % 32)) % 32;
        stream.Write(new byte[padding]);
    }

    private static BigInteger AsInteger(object? value, string path) => value switch
    {
        BigInteger big => big,
        int number => number,
        long number => number,
        uint number => number,
        ulong number => number,
        short number => number,
        ushort number => number,
        byte number => number,
        sbyte number => number,
        _ => throw new ArgumentException($"{path}: expected an integer, got {Describe(value)}."),
    };

    private static byte[] AsBytes(object? value, string path) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory.ToArray(),
        string hex => Hex.Decode(hex),
        _ => throw new ArgumentException($"{path}: expected bytes, got {Describe(value)}."),
    };

    private static string AsString(object? value, string path) =>
        value as string ?? throw new ArgumentException($"{path}: expected a string, got {Describe(value)}.");

    private static List<object?> AsList(object? value, AbiType type, string path) => value switch
    {
        IEnumerable enumerable and not string and not byte[] => enumerable.Cast<object?>().ToList(),
        _ => throw Mismatch(path, type, value),
    };

    private static ArgumentException Mismatch(string path, AbiType type, object? value) =>
        new($"{path}: a {Describe(value)} cannot encode as {type.CanonicalName}.");

    private static string Describe(object? value) => value?.GetType().Name ?? "null";
}
