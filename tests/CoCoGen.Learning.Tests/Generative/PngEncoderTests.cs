using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using CoCoGen.Learning.Generative;

namespace CoCoGen.Learning.Tests.Generative;

public sealed class PngEncoderTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(Crc32.Compute("123456789"u8), Crc32.Append(Crc32.Compute("1234"u8), "56789"u8));
        // The CRC every PNG's IEND chunk carries.
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Encoded_png_has_valid_chunks_and_decodes_to_the_pixels(int channels)
    {
        const int width = 5, height = 3;
        var pixels = Enumerable.Range(0, width * height * channels).Select(i => (byte)(i * 13)).ToArray();

        var png = PngEncoder.Encode(pixels, width, height, channels);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = ReadChunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var header = chunks[0].Data;
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(8, header[8]);
        Assert.Equal(channels == 1 ? 0 : 2, header[9]);

        using var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var scanlines = raw.ToArray();
        int stride = width * channels;
        Assert.Equal(height * (stride + 1), scanlines.Length);
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, scanlines[y * (stride + 1)]);
            Assert.Equal(pixels.AsSpan(y * stride, stride).ToArray(), scanlines.AsSpan(y * (stride + 1) + 1, stride).ToArray());
        }
    }

    [Fact]
    public void Wrong_pixel_count_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[10], 4, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode(new byte[24], 4, 3, 2));
    }

    [Fact]
    public void Grid_places_tiles_row_by_row_with_gaps()
    {
        // Two rows × three columns of 1×2×2 tiles; tile t is filled with t/5.
        var images = Enumerable.Range(0, 6).SelectMany(t => Enumerable.Repeat(t / 5f, 4)).ToArray();

        var (pixels, width, height) = SampleGrid.Tile(images, 2, 3, 1, 2, 2, gap: 1);

        Assert.Equal((10, 7), (width, height));
        Assert.Equal(0, pixels[0]);
        Assert.Equal(0, pixels[1 * width + 1]);                // tile 0
        Assert.Equal(51, pixels[1 * width + 4]);               // tile 1 (0.2 → 51)
        Assert.Equal(255, pixels[(4 + 1) * width + 7 + 1]);    // tile 5, second row and pixel
        Assert.Equal(0, pixels[3 * width + 4]);                // gap row between tile rows
    }

    private static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        int at = 8;
        while (at < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(Crc32.Compute(typeAndData), crc);
            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            at += 12 + length;
        }

        return chunks;
    }
}
