using CoCoGen.Learning.Data;

namespace CoCoGen.Learning.Tests.Data;

public sealed class CifarBinaryTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static byte[] Records(int labelBytes, params byte[][] labels)
    {
        int record = labelBytes + CifarBinary.PixelBytes;
        var bytes = new byte[labels.Length * record];
        for (int r = 0; r < labels.Length; r++)
        {
            labels[r].CopyTo(bytes, r * record);
            for (int p = 0; p < CifarBinary.PixelBytes; p++)
            {
                // Pixel value encodes record and channel so the CHW layout is checkable.
                bytes[r * record + labelBytes + p] = (byte)(r * 10 + p / 1024);
            }
        }

        return bytes;
    }

    [Fact]
    public void Cifar10_records_load_with_labels_and_chw_pixels_across_files()
    {
        var first = _files.Write("a.bin", Records(1, [3], [7]), gzip: false);
        var second = _files.Write("b.bin", Records(1, [9]), gzip: false);

        var data = CifarBinary.ReadCifar10(first, second);

        Assert.Equal(3, data.Count);
        Assert.Equal((3, 32, 32, 10), (data.Channels, data.Height, data.Width, data.ClassCount));
        Assert.Equal([3, 7, 9], Enumerable.Range(0, 3).Select(data.Label));
        Assert.Equal(1 * 10 + 2, data.RawImage(1)[2 * 1024 + 5]);
        Assert.Equal(0, data.RawImage(2)[0]);
    }

    [Fact]
    public void Cifar10_training_folder_reads_the_five_batches()
    {
        for (int b = 0; b < 5; b++)
        {
            _files.Write(CifarBinary.Cifar10TrainFiles[b], Records(1, [(byte)b], [(byte)(b + 5)]), gzip: false);
        }

        var data = CifarBinary.LoadCifar10Train(_files.Directory);

        Assert.Equal([0, 5, 1, 6, 2, 7, 3, 8, 4, 9], Enumerable.Range(0, 10).Select(data.Label));
    }

    [Fact]
    public void Cifar100_uses_fine_or_coarse_labels()
    {
        var path = _files.Write(CifarBinary.Cifar100TrainFile, Records(2, [19, 99], [0, 42]), gzip: false);

        var fine = CifarBinary.ReadCifar100(path);
        var coarse = CifarBinary.LoadCifar100Train(_files.Directory, Cifar100Labels.Coarse);

        Assert.Equal(100, fine.ClassCount);
        Assert.Equal([99, 42], Enumerable.Range(0, 2).Select(fine.Label));
        Assert.Equal(20, coarse.ClassCount);
        Assert.Equal([19, 0], Enumerable.Range(0, 2).Select(coarse.Label));
        Assert.Equal(10 + 1, fine.RawImage(1)[1024]);
    }

    [Fact]
    public void Truncated_file_is_rejected_naming_it()
    {
        var path = _files.Write("cut.bin", Records(1, [1], [2])[..^1], gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => CifarBinary.ReadCifar10(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("3073-byte records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_out_of_range_is_rejected()
    {
        var path = _files.Write("bad.bin", Records(1, [1], [10]), gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => CifarBinary.ReadCifar10(path));

        Assert.Contains("record 1 has label 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CifarBinary.LoadCifar10Test(_files.Directory));

        Assert.Contains(CifarBinary.Cifar10TestFile, error.Message, StringComparison.Ordinal);
    }
}
