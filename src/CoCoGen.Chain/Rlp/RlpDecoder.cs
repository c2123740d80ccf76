namespace CoCoGen.Chain.Rlp;

/// <summary>Strict RLP decoding: non-canonical forms and trailing bytes are rejected.</summary>
public static class RlpDecoder
{
    /// <summary>Decodes exactly one item that spans the whole input.</summary>
    /// <exception cref="FormatException">The input is truncated, non-canonical or has trailing bytes.</exception>
    public static RlpItem Decode(ReadOnlySpan<byte> input)
    {
        var item = DecodeAt(input, 0, out var consumed);
        if (consumed != input.Length)
        {
            throw new FormatException($"RLP input has {input.Length - consumed} trailing bytes after the first item.");
        }

        return item;
    }

    private static RlpItem DecodeAt(ReadOnlySpan<byte> input, int position, out int end)
    {
        if (position >= input.Length)
        {
            throw new FormatException($"RLP input ends at offset {position} where an item was expected.");
        }

        var prefix = input[position];
        if (prefix < 0x80)
        {
            end = position + 1;
            return RlpItem.FromBytes([prefix]);
        }

        if (prefix < 0xc0)
        {
            var (start, length) = ReadLength(input, position, 0x80);
            var bytes = input.Slice(start, length).ToArray();
            if (length == 1 && bytes[0] < 0x80 && prefix == 0x81)
            {
                throw new FormatException($"RLP byte 0x{bytes[0]:x2} at offset {position} should be encoded as itself.");
            }

            end = start + length;
            return RlpItem.FromBytes(bytes);
        }

        var (listStart, listLength) = ReadLength(input, position, 0xc0);
        var listEnd = listStart + listLength;
        var items = new List<RlpItem>();
        var cursor = listStart;
        while (cursor < listEnd)
        {
            items.Add(DecodeAt(input[..listEnd], cursor, out cursor));
        }

        end = listEnd;
        return RlpItem.List(items);
    }

    private static (int Start, int Length) ReadLength(ReadOnlySpan<byte> input, int position, byte offset)
    {
        var prefix = input[position] - offset;
        int start;
        long length;
        if (prefix <= 55)
        {
            start = position + 1;
            length = prefix;
        }
        else
        {
            var lengthOfLength = prefix - 55;
            start = position + 1 + lengthOfLength;
            if (start > input.Length)
            {
                throw new FormatException($"RLP length at offset {position} is truncated.");
            }

            if (input[position + 1] == 0)
            {
                throw new FormatException($"RLP length at offset {position} has a leading zero byte.");
            }

            length = 0;
            for (var index = position + 1; index < start; index++)
            {
                length = (length << 8) | input[index];
                if (length > int.MaxValue)
                {
                    throw new FormatException($"RLP length at offset {position} is too large.");
                }
            }

            if (length <= 55)
            {
                throw new FormatException($"RLP length {length} at offset {position} should use the short form.");
            }
        }

        if (start + length > input.Length)
        {
            throw new FormatException($"RLP item at offset {position} claims {length} bytes, only {input.Length - start} remain.");
        }

        return (start, (int)length);
    }
}
