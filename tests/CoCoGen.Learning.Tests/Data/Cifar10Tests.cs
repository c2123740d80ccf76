using System.IO.Compression;
using CoCoGen.Learning.Data;
using SkiaSharp;

namespace CoCoGen.Learning.Tests.Data;

public sealed class Cifar10Tests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Cache => Path.Combine(_files.Directory, "cache");

    // A solid-colour JPEG at quality 100: a flat image survives JPEG within a few levels.
    private static byte[] Jpeg(byte r, byte g, byte b, int side = 32)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(new SKColor(r, g, b));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 100);
        return data.ToArray();
    }

    private string Archive(params (string Name, byte[] Bytes)[] entries)
    {
        var path = Path.Combine(_files.Directory, "cifar.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
            stream.Write(bytes);
        }

        return path;
    }

    [Fact]
    public void Jpeg_archive_decodes_into_chw_records_ordered_by_label_with_the_split_kept_apart()
    {
        var zip = Archive(
            ("train/cat/0001.jpg", Jpeg(200, 30, 90)),
            ("train/airplane/0007.jpg", Jpeg(10, 240, 120)),
            ("train/airplane/0002.jpg", Jpeg(128, 128, 128)),
            ("test/truck/0000.jpg", Jpeg(50, 60, 70)),
            ("train/README.txt", [1, 2, 3]));

        var train = Cifar10.LoadTrain(zip, Cache);
        var test = Cifar10.LoadTest(zip, Cache);

        Assert.Equal(3, train.Count);
        Assert.Equal((3, 32, 32, 10), (train.Channels, train.Height, train.Width, train.ClassCount));
        Assert.Equal([0, 0, 3], Enumerable.Range(0, 3).Select(train.Label));
        AssertColour(train.RawImage(0), 128, 128, 128);
        AssertColour(train.RawImage(1), 10, 240, 120);
        AssertColour(train.RawImage(2), 200, 30, 90);
        Assert.Equal(1, test.Count);
        Assert.Equal(9, test.Label(0));
        AssertColour(test.RawImage(0), 50, 60, 70);
    }

    [Fact]
    public void Decoding_happens_once_and_again_only_when_the_archive_changes()
    {
        var zip = Archive(("train/dog/0000.jpg", Jpeg(1, 2, 3)));
        Assert.Equal(5, Cifar10.LoadTrain(zip, Cache).Label(0));

        // Mark the cached record: a second load must read the cache, not decode the JPEG again.
        var records = Path.Combine(Cache, "train.bin");
        var bytes = File.ReadAllBytes(records);
        bytes[0] = 8;
        File.WriteAllBytes(records, bytes);
        Assert.Equal(8, Cifar10.LoadTrain(zip, Cache).Label(0));

        File.SetLastWriteTimeUtc(zip, File.GetLastWriteTimeUtc(zip).AddMinutes(1));
        Assert.Equal(5, Cifar10.LoadTrain(zip, Cache).Label(0));
    }

    [Fact]
    public void Binary_folder_loads_the_official_records()
    {
        var record = new byte[1 + CifarBinary.PixelBytes];
        record[0] = 4;
        record[1 + 1024] = 77;
        _files.Write(CifarBinary.Cifar10TestFile, record, gzip: false);

        var test = Cifar10.LoadTest(_files.Directory, Cache);

        Assert.Equal(1, test.Count);
        Assert.Equal(4, test.Label(0));
        Assert.Equal(77, test.RawImage(0)[1024]);
        Assert.Contains("official binary", Cifar10.Provenance(_files.Directory), StringComparison.Ordinal);
        Assert.Contains("JPEG q75", Cifar10.Provenance("x/cifar10-jpeg.zip"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_outside_the_classes_or_of_the_wrong_size_is_named()
    {
        var badClass = Archive(("train/unicorn/0000.jpg", Jpeg(1, 2, 3)));
        var error = Assert.Throws<InvalidDataException>(() => Cifar10.LoadTrain(badClass, Cache));
        Assert.Contains("train/unicorn/0000.jpg", error.Message, StringComparison.Ordinal);

        File.Delete(badClass);
        var badSize = Archive(("train/cat/0000.jpg", Jpeg(1, 2, 3, side: 16)));
        error = Assert.Throws<InvalidDataException>(() => Cifar10.LoadTrain(badSize, Cache));
        Assert.Contains("16×16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_location_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Cifar10.LoadTrain(Path.Combine(_files.Directory, "none.zip"), Cache));
        Assert.Contains("none.zip", error.Message, StringComparison.Ordinal);
    }

    private static void AssertColour(ReadOnlySpan<byte> image, int r, int g, int b)
    {
        const int plane = 1024;
        for (var p = 0; p < plane; p += 97)
        {
            Assert.InRange(image[p], r - 4, r + 4);
            Assert.InRange(image[plane + p], g - 4, g + 4);
            Assert.InRange(image[(2 * plane) + p], b - 4, b + 4);
        }
    }
}
