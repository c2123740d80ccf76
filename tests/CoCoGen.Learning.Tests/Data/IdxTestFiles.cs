using System.Buffers.Binary;
using System.IO.Compression;

namespace CoCoGen.Learning.Tests.Data;

/// <summary>Writes small IDX files (raw or gzip) into a temporary folder that is deleted on dispose.</summary>
internal sealed class IdxTestFiles : IDisposable
{
    public IdxTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cocogen-idx-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static byte[] Encode(int[] dimensions, byte[] data)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dimensions.Length;
        for (int d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dimensions[d]);
        }

        data.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    public string Write(string name, byte[] bytes, bool gzip)
    {
        var path = Path.Combine(Directory, name);
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
