using CoCoGen.Learning.Data;

namespace CoCoGen.Learning.Tests.Data;

public sealed class FashionMnistTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Real_training_set_has_60000_images_6000_per_class()
    {
        var train = FashionMnist.LoadTrain();

        Assert.Equal(60_000, train.Count);
        Assert.Equal((1, 28, 28), (train.Channels, train.Height, train.Width));
        Assert.All(train.ClassHistogram(), n => Assert.Equal(6_000, n));
        // The first training image is an ankle boot (label 9) in the published files.
        Assert.Equal(9, train.Label(0));
    }

    [Fact]
    public void Real_test_set_has_10000_images_1000_per_class_with_pixels_in_unit_range()
    {
        var test = FashionMnist.LoadTest();

        Assert.Equal(10_000, test.Count);
        Assert.All(test.ClassHistogram(), n => Assert.Equal(1_000, n));
        var image = new float[test.ImageSize];
        test.CopyImage(0, image);
        Assert.All(image, x => Assert.InRange(x, 0f, 1f));
        Assert.Contains(image, x => x > 0.5f);
    }

    [Fact]
    public void Hand_written_files_load_gzip_or_raw_from_an_overridden_folder()
    {
        var pixels = Enumerable.Range(0, 3 * 28 * 28).Select(i => (byte)(i % 256)).ToArray();
        _files.Write("train-images-idx3-ubyte.gz", IdxTestFiles.Encode([3, 28, 28], pixels), gzip: true);
        _files.Write("train-labels-idx1-ubyte", IdxTestFiles.Encode([3], [4, 0, 9]), gzip: false);

        var train = FashionMnist.LoadTrain(_files.Directory);

        Assert.Equal(3, train.Count);
        Assert.Equal([4, 0, 9], Enumerable.Range(0, 3).Select(train.Label));
        var image = new float[28 * 28];
        train.CopyImage(1, image);
        Assert.Equal(pixels[28 * 28 + 5] / 255f, image[5]);
    }

    [Fact]
    public void Image_and_label_count_mismatch_names_both_files()
    {
        var images = _files.Write("i.idx", IdxTestFiles.Encode([2, 28, 28], new byte[2 * 28 * 28]), gzip: false);
        var labels = _files.Write("l.idx", IdxTestFiles.Encode([3], [1, 2, 3]), gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.LoadFiles(images, labels));

        Assert.Contains(images, error.Message, StringComparison.Ordinal);
        Assert.Contains(labels, error.Message, StringComparison.Ordinal);
        Assert.Contains("3 labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_out_of_range_is_rejected()
    {
        var images = _files.Write("i.idx", IdxTestFiles.Encode([1, 28, 28], new byte[28 * 28]), gzip: false);
        var labels = _files.Write("l.idx", IdxTestFiles.Encode([1], [10]), gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.LoadFiles(images, labels));

        Assert.Contains("label 0 is 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_image_shape_is_rejected()
    {
        var images = _files.Write("i.idx", IdxTestFiles.Encode([1, 32, 32], new byte[32 * 32]), gzip: false);
        var labels = _files.Write("l.idx", IdxTestFiles.Encode([1], [1]), gzip: false);

        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.LoadFiles(images, labels));

        Assert.Contains("1×32×32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_is_reported()
    {
        var missing = Path.Combine(_files.Directory, "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => FashionMnist.LoadTest(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
