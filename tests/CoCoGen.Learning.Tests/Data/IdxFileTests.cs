using CoCoGen.Learning.Data;

namespace CoCoGen.Learning.Tests.Data;

public sealed class IdxFileTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_dimensions_and_data_raw_and_gzip(bool gzip)
    {
        var data = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 7)).ToArray();
        var path = _files.Write("x.idx", IdxTestFiles.Encode([2, 3, 4], data), gzip);

        var idx = IdxFile.Read(path);

        Assert.Equal([2, 3, 4], idx.Dimensions);
        Assert.Equal(data, idx.Data);
    }

    [Fact]
    public void Bad_magic_is_rejected_naming_the_file()
    {
        var bytes = IdxTestFiles.Encode([3], [1, 2, 3]);
        bytes[2] = 0x0D; // float32 IDX, not unsigned bytes
        var path = _files.Write("floats.idx", bytes, gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_data_is_rejected_naming_the_file(bool gzip)
    {
        var bytes = IdxTestFiles.Encode([10, 2], new byte[20]);
        var path = _files.Write("short.idx", bytes[..^5], gzip);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("15 of 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_header_is_rejected()
    {
        var path = _files.Write("header.idx", [0, 0, 8, 3, 0, 0], gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_after_the_declared_size_is_rejected()
    {
        var path = _files.Write("long.idx", IdxTestFiles.Encode([2], [1, 2, 3]), gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));

        Assert.Contains("continues after", error.Message, StringComparison.Ordinal);
    }
}
