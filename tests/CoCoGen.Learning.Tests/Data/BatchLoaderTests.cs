using CoCoGen.Learning.Data;

namespace CoCoGen.Learning.Tests.Data;

public sealed class BatchLoaderTests
{
    // 10 grey 2×2 images; image i has every pixel equal to i/255 and label i % 3.
    private static ByteImageDataset Tiny()
    {
        var pixels = Enumerable.Range(0, 10).SelectMany(i => Enumerable.Repeat((byte)i, 4)).ToArray();
        var labels = Enumerable.Range(0, 10).Select(i => (byte)(i % 3)).ToArray();
        return new ByteImageDataset(pixels, labels, 1, 2, 2, 3);
    }

    [Fact]
    public void Unshuffled_batches_are_nchw_in_order_with_a_short_last_batch()
    {
        var loader = new BatchLoader(Tiny(), 4, ChannelNormalization.Identity(1), shuffle: false, seed: 0);

        var batches = loader.Epoch(0).Select(b => (b.Count, Images: b.Images.Storage.ToArray(), Labels: b.Labels.ToArray())).ToList();

        Assert.Equal(3, loader.BatchesPerEpoch);
        Assert.Equal([4, 4, 2], batches.Select(b => b.Count));
        Assert.Equal(16, batches[0].Images.Length);
        Assert.Equal(8, batches[2].Images.Length);
        Assert.Equal(5 / 255f, batches[1].Images[4]);
        Assert.Equal([2, 0], batches[2].Labels);
    }

    [Fact]
    public void Drop_last_skips_the_short_batch()
    {
        var loader = new BatchLoader(Tiny(), 4, ChannelNormalization.Identity(1), shuffle: true, seed: 1, dropLast: true);

        Assert.Equal(2, loader.BatchesPerEpoch);
        Assert.Equal(2, loader.Epoch(0).Count());
    }

    [Fact]
    public void Shuffle_is_a_permutation_repeatable_per_seed_and_epoch()
    {
        var a = new BatchLoader(Tiny(), 3, ChannelNormalization.Identity(1), shuffle: true, seed: 5);
        var b = new BatchLoader(Tiny(), 3, ChannelNormalization.Identity(1), shuffle: true, seed: 5);

        Assert.Equal(Enumerable.Range(0, 10), a.Order(0).Order());
        Assert.Equal(a.Order(0), b.Order(0));
        Assert.Equal(a.Order(3), b.Order(3));
        Assert.NotEqual(a.Order(0), a.Order(1));
        var labels = a.Epoch(1).SelectMany(batch => batch.Labels.ToArray()).ToArray();
        Assert.Equal(a.Order(1).Select(i => i % 3), labels);
    }

    [Fact]
    public void Normalisation_standardises_each_channel()
    {
        var normalization = new ChannelNormalization([0.5f, 0.25f], [0.5f, 0.25f]);
        // One 2-channel 1×2 image: channel 0 = [0, 255], channel 1 = [0, 255].
        var dataset = new ByteImageDataset([0, 255, 0, 255], [0], 2, 1, 2, 1);
        var loader = new BatchLoader(dataset, 1, normalization, shuffle: false, seed: 0);

        var batch = loader.Epoch(0).Single();
        var images = batch.Images.Storage.ToArray();

        Assert.Equal([1, 2, 1, 2], batch.Images.Shape.ToArray());
        Assert.Equal([-1f, 1f, -1f, 3f], images);
    }

    [Fact]
    public void Measured_normalisation_of_fashion_mnist_matches_the_published_statistics()
    {
        var measured = ChannelNormalization.Measure(FashionMnist.LoadTest());

        Assert.Equal(0.2860, measured.Mean[0], 2);
        Assert.Equal(0.3530, measured.Std[0], 2);
    }

    [Fact]
    public void Mixed_dataset_serves_real_then_synthetic_samples()
    {
        var real = Tiny();
        var synthetic = new FloatImageDataset([0.5f, 0.5f, 0.5f, 0.5f, 1f, 1f, 1f, 1f], [2, 1], 1, 2, 2, 3);
        var mixed = new MixedDataset(real, synthetic);
        var image = new float[4];

        mixed.CopyImage(11, image);

        Assert.Equal(12, mixed.Count);
        Assert.True(mixed.IsSynthetic(10));
        Assert.False(mixed.IsSynthetic(9));
        Assert.Equal([1f, 1f, 1f, 1f], image);
        Assert.Equal(2, mixed.Label(10));
        Assert.Equal([4, 4, 4], mixed.ClassHistogram());
    }

    [Fact]
    public void Mixing_datasets_of_different_shapes_is_rejected()
    {
        var synthetic = new FloatImageDataset(new float[9], [0], 1, 3, 3, 3);

        var error = Assert.Throws<ArgumentException>(() => new MixedDataset(Tiny(), synthetic));

        Assert.Contains("1×3×3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthetic_pixels_outside_the_unit_range_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new FloatImageDataset([0f, 1.5f, 0f, 0f], [0], 1, 2, 2, 1));
        Assert.Throws<ArgumentException>(() => new FloatImageDataset([0f, float.NaN, 0f, 0f], [0], 1, 2, 2, 1));
    }
}
