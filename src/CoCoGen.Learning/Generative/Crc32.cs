namespace CoCoGen.Learning.Generative;

/// <summary>
/// CRC-32 (ISO-HDLC / PNG / zlib: reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF),
/// table-driven. Own code because System.IO.Hashing is not among the packages here.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes.</param>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a CRC-32 over more bytes: <c>Append(Compute(a), b) == Compute(a ++ b)</c>.</summary>
    /// <param name="crc">The CRC of the bytes so far (0 for none).</param>
    /// <param name="data">The next bytes.</param>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        foreach (byte b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
