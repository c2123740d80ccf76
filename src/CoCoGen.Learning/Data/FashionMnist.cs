namespace CoCoGen.Learning.Data;

/// <summary>
/// Loads Fashion-MNIST (60,000 training and 10,000 test grey 28×28 images, 10 classes) from its IDX files,
/// gzip-compressed (<c>*.gz</c>) or raw.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>Image side in pixels.</summary>
    public const int ImageSide = 28;

    /// <summary>The class names, indexed by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Loads the 60,000 training images.</summary>
    /// <param name="directory">Folder holding the IDX files; <see cref="DefaultDirectory"/> when null.</param>
    public static ByteImageDataset LoadTrain(string? directory = null) => Load(directory ?? DefaultDirectory, "train");

    /// <summary>Loads the 10,000 test images.</summary>
    /// <param name="directory">Folder holding the IDX files; <see cref="DefaultDirectory"/> when null.</param>
    public static ByteImageDataset LoadTest(string? directory = null) => Load(directory ?? DefaultDirectory, "t10k");

    /// <summary>Loads one split from an images file and a labels file, checking that they agree.</summary>
    /// <param name="imagesPath">IDX file of shape count × 28 × 28.</param>
    /// <param name="labelsPath">IDX file of shape count, labels 0–9.</param>
    public static ByteImageDataset LoadFiles(string imagesPath, string labelsPath)
    {
        var images = IdxFile.Read(imagesPath);
        var labels = IdxFile.Read(labelsPath);
        if (images.Dimensions.Count != 3 || images.Dimensions[1] != ImageSide || images.Dimensions[2] != ImageSide)
        {
            throw new InvalidDataException(
                $"{imagesPath}: images have dimensions {string.Join('×', images.Dimensions)}; expected count×{ImageSide}×{ImageSide}.");
        }

        if (labels.Dimensions.Count != 1)
        {
            throw new InvalidDataException($"{labelsPath}: labels have dimensions {string.Join('×', labels.Dimensions)}; expected one dimension.");
        }

        if (labels.Dimensions[0] != images.Dimensions[0])
        {
            throw new InvalidDataException(
                $"{labelsPath}: holds {labels.Dimensions[0]} labels but {imagesPath} holds {images.Dimensions[0]} images.");
        }

        for (int i = 0; i < labels.Data.Length; i++)
        {
            if (labels.Data[i] >= ClassCount)
            {
                throw new InvalidDataException($"{labelsPath}: label {i} is {labels.Data[i]}; Fashion-MNIST labels lie in [0, {ClassCount}).");
            }
        }

        return new ByteImageDataset(images.Data, labels.Data, 1, ImageSide, ImageSide, ClassCount);
    }

    private static ByteImageDataset Load(string directory, string prefix)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Fashion-MNIST folder {directory} does not exist (install Debian's dataset-fashion-mnist, or pass the folder holding {prefix}-images-idx3-ubyte[.gz]).");
        }

        return LoadFiles(Find(directory, $"{prefix}-images-idx3-ubyte"), Find(directory, $"{prefix}-labels-idx1-ubyte"));
    }

    private static string Find(string directory, string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
        {
            var path = Path.Combine(directory, candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"Neither {name}.gz nor {name} is in {directory}.", Path.Combine(directory, name));
    }
}
