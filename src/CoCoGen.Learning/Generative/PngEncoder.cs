using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CoCoGen.Learning.Generative;

/// <summary>
/// A minimal PNG writer for 8-bit greyscale or RGB images: signature, IHDR, one zlib-compressed IDAT
/// (every scanline with filter type 0), IEND. Enough to look at generated samples in any viewer.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes an image given row-major, channel-interleaved bytes (grey: one byte per pixel; RGB: three).</summary>
    /// <param name="pixels">Height × Width × Channels bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="channels">1 (greyscale) or 3 (RGB).</param>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "PNG encoding supports 1 (grey) or 3 (RGB) channels.");
        }

        int stride = width * channels;
        if (pixels.Length != (long)stride * height)
        {
            throw new ArgumentException($"Pixels hold {pixels.Length} bytes; a {width}×{height} image of {channels} channel(s) needs {(long)stride * height}.", nameof(pixels));
        }

        using var output = new MemoryStream();
        output.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;                                  // bit depth
        header[9] = channels == 1 ? (byte)0 : (byte)2;  // colour type: greyscale or truecolour
        // header[10..12]: deflate compression, adaptive filtering, no interlace (all zero).
        WriteChunk(output, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (int y = 0; y < height; y++)
                {
                    zlib.WriteByte(0); // filter type None
                    zlib.Write(pixels.Slice(y * stride, stride));
                }
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Encodes an image and writes it to <paramref name="path"/>.</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="pixels">Height × Width × Channels bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="channels">1 (greyscale) or 3 (RGB).</param>
    public static void Write(string path, ReadOnlySpan<byte> pixels, int width, int height, int channels) =>
        File.WriteAllBytes(path, Encode(pixels, width, height, channels));

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(typeBytes), data));
        output.Write(word);
    }
}
