using CoCoGen.Learning.Data;

namespace CoCoGen.Learning.Tests.Data;

public sealed class RelabeledDatasetTests
{
    [Fact]
    public void Labels_go_through_the_map_and_images_are_unchanged()
    {
        var pixels = Enumerable.Range(0, 3 * 4).Select(i => i / 16f).ToArray();
        var source = new FloatImageDataset(pixels, [0, 2, 1], 1, 2, 2, 3);
        var flipped = new RelabeledDataset(source, [2, 1, 0]);

        Assert.Equal([2, 0, 1], Enumerable.Range(0, 3).Select(flipped.Label));
        var image = new float[4];
        flipped.CopyImage(2, image);
        Assert.Equal([8 / 16f, 9 / 16f, 10 / 16f, 11 / 16f], image);
        Assert.Equal(3, flipped.Count);
    }

    [Fact]
    public void A_map_that_does_not_cover_every_class_or_leaves_the_classes_is_refused()
    {
        var source = new FloatImageDataset(new float[8], [0, 1], 1, 2, 2, 3);

        Assert.Throws<ArgumentException>(() => new RelabeledDataset(source, [1, 0]));
        Assert.Throws<ArgumentException>(() => new RelabeledDataset(source, [0, 1, 3]));
    }
}
