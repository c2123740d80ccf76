namespace CoCoGen.Learning.Data;

/// <summary>
/// An image-classification dataset as training sees it: name, image shape, classes, the per-channel
/// normalisation, where it lives by default and how to read it.
/// </summary>
/// <param name="Name">Name used in options and files (<c>fashion-mnist</c>, <c>cifar10</c>).</param>
/// <param name="Channels">Image channels.</param>
/// <param name="ImageSide">Image side in pixels.</param>
/// <param name="ClassCount">Classes.</param>
/// <param name="Normalization">Per-channel standardisation applied in batches.</param>
/// <param name="DefaultLocation">Location used when none is configured.</param>
public sealed record ImageCorpus(string Name, int Channels, int ImageSide, int ClassCount, ChannelNormalization Normalization, string DefaultLocation)
{
    /// <summary>Fashion-MNIST (IDX files, Debian's dataset-fashion-mnist by default).</summary>
    public static ImageCorpus FashionMnist { get; } =
        new("fashion-mnist", 1, Data.FashionMnist.ImageSide, Data.FashionMnist.ClassCount, ChannelNormalization.FashionMnist, Data.FashionMnist.DefaultDirectory);

    /// <summary>
    /// CIFAR-10 (official binary folder or JPEG zip; the shared JPEG q75 copy by default), standardised
    /// with the usual training-set statistics.
    /// </summary>
    public static ImageCorpus Cifar10 { get; } =
        new("cifar10", 3, CifarBinary.ImageSide, Data.Cifar10.ClassCount, new ChannelNormalization([0.4914f, 0.4822f, 0.4465f], [0.2470f, 0.2435f, 0.2616f]), Data.Cifar10.DefaultLocation);

    /// <summary>The names <see cref="Parse"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [FashionMnist.Name, Cifar10.Name];

    /// <summary>The corpus called <paramref name="name"/>.</summary>
    public static ImageCorpus Parse(string name) =>
        name == FashionMnist.Name ? FashionMnist
        : name == Cifar10.Name ? Cifar10
        : throw new ArgumentException($"dataset '{name}' is not one of {string.Join(", ", Names)}", nameof(name));

    /// <summary>The training set at <paramref name="location"/>.</summary>
    /// <param name="location">Folder (either corpus) or JPEG zip (CIFAR-10).</param>
    /// <param name="cacheDirectory">Where a zip's decoded records are kept.</param>
    public ImageDataset LoadTrain(string location, string cacheDirectory) =>
        Name == FashionMnist.Name ? Data.FashionMnist.LoadTrain(location) : Data.Cifar10.LoadTrain(location, cacheDirectory);

    /// <summary>The test set at <paramref name="location"/>.</summary>
    /// <param name="location">Folder (either corpus) or JPEG zip (CIFAR-10).</param>
    /// <param name="cacheDirectory">Where a zip's decoded records are kept.</param>
    public ImageDataset LoadTest(string location, string cacheDirectory) =>
        Name == FashionMnist.Name ? Data.FashionMnist.LoadTest(location) : Data.Cifar10.LoadTest(location, cacheDirectory);

    /// <summary>What to write beside a figure computed from this corpus at <paramref name="location"/>.</summary>
    public string Provenance(string location) =>
        Name == FashionMnist.Name ? "Fashion-MNIST (Xiao et al., 2017), Debian's dataset-fashion-mnist" : Data.Cifar10.Provenance(location);
}
