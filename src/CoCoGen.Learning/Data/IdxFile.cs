using System.Buffers.Binary;
using System.IO.Compression;

namespace CoCoGen.Learning.Data;

/// <summary>
/// An unsigned-byte IDX file (the MNIST / Fashion-MNIST format): a big-endian header
/// <c>00 00 08 ndims</c>, <c>ndims</c> big-endian 32-bit dimensions, then the bytes row-major.
/// Gzip-compressed files are recognised by their magic bytes and decompressed while reading.
/// </summary>
public sealed class IdxFile
{
    private const byte UnsignedByteType = 0x08;

    private IdxFile(int[] dimensions, byte[] data)
    {
        Dimensions = dimensions;
        Data = data;
    }

    /// <summary>The dimensions from the header, outermost first.</summary>
    public IReadOnlyList<int> Dimensions { get; }

    /// <summary>The payload, row-major.</summary>
    public byte[] Data { get; }

    /// <summary>Reads an IDX file, gzip-compressed or raw.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">The header is not an unsigned-byte IDX header, or the file is shorter or longer than its header says.</exception>
    public static IdxFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        var gzipMagic = new byte[2];
        int peeked = file.ReadAtLeast(gzipMagic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        bool compressed = peeked == 2 && gzipMagic[0] == 0x1f && gzipMagic[1] == 0x8b;
        using Stream payload = compressed ? new GZipStream(file, CompressionMode.Decompress) : file;
        return Read(payload, path);
    }

    private static IdxFile Read(Stream stream, string path)
    {
        var magic = new byte[4];
        ReadExactly(stream, magic, path, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UnsignedByteType || magic[3] == 0)
        {
            throw new InvalidDataException(
                $"{path}: bad IDX magic number {Convert.ToHexString(magic)}; expected 000008NN (unsigned bytes, NN dimensions).");
        }

        int rank = magic[3];
        var header = new byte[4 * rank];
        ReadExactly(stream, header, path, $"{rank} dimension sizes");
        var dimensions = new int[rank];
        long length = 1;
        for (int d = 0; d < rank; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * d));
            if (dimensions[d] < 0)
            {
                throw new InvalidDataException($"{path}: dimension {d} is {dimensions[d]}; sizes must not be negative.");
            }

            length *= dimensions[d];
            if (length > Array.MaxLength)
            {
                throw new InvalidDataException($"{path}: the header declares more than {Array.MaxLength} bytes.");
            }
        }

        var data = new byte[length];
        ReadExactly(stream, data, path, $"{length} data bytes for dimensions {string.Join('×', dimensions)}");
        if (stream.ReadByte() != -1)
        {
            throw new InvalidDataException($"{path}: data continues after the {length} bytes its header declares ({string.Join('×', dimensions)}).");
        }

        return new IdxFile(dimensions, data);
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string path, string what)
    {
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
        {
            throw new InvalidDataException($"{path}: truncated file: expected {what}, found only {read} of {buffer.Length} bytes.");
        }
    }
}
