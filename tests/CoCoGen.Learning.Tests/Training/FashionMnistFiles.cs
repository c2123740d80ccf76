using System.IO.Compression;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Training;

/// <summary>
/// Test-only reader of the real Fashion-MNIST IDX files installed by the Debian package (the product's
/// loader lives in CoCoGen.Learning.Data and is tested there); pixels scaled to [0, 1].
/// </summary>
internal static class FashionMnistFiles
{
    public const string Directory = "/usr/share/datasets/fashion-mnist";

    public static (Tensor Images, int[] Labels) Load(string split, int count)
    {
        using var images = new GZipStream(File.OpenRead(Path.Combine(Directory, $"{split}-images-idx3-ubyte.gz")), CompressionMode.Decompress);
        using var labels = new GZipStream(File.OpenRead(Path.Combine(Directory, $"{split}-labels-idx1-ubyte.gz")), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[16];
        images.ReadExactly(header);
        labels.ReadExactly(header[..8]);
        byte[] pixels = new byte[count * 784];
        images.ReadExactly(pixels);
        byte[] classes = new byte[count];
        labels.ReadExactly(classes);
        var tensor = new Tensor(count, 1, 28, 28);
        for (int i = 0; i < pixels.Length; i++)
        {
            tensor[i] = pixels[i] / 255f;
        }

        return (tensor, [.. classes.Select(c => (int)c)]);
    }
}
