namespace CoCoGen.Learning.Data;

/// <summary>
/// Reads CIFAR-10 and CIFAR-100 in their official binary format. A CIFAR-10 record is one label byte and
/// 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, each row-major 32×32, so already CHW); a CIFAR-100
/// record has a coarse and a fine label byte before the same pixels.
/// </summary>
public static class CifarBinary
{
    /// <summary>Image side in pixels.</summary>
    public const int ImageSide = 32;

    /// <summary>Pixel bytes per record.</summary>
    public const int PixelBytes = 3 * ImageSide * ImageSide;

    /// <summary>Training batch files of the CIFAR-10 binary distribution (cifar-10-batches-bin).</summary>
    public static IReadOnlyList<string> Cifar10TrainFiles { get; } =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];

    /// <summary>Test file of the CIFAR-10 binary distribution.</summary>
    public const string Cifar10TestFile = "test_batch.bin";

    /// <summary>Training file of the CIFAR-100 binary distribution (cifar-100-binary).</summary>
    public const string Cifar100TrainFile = "train.bin";

    /// <summary>Test file of the CIFAR-100 binary distribution.</summary>
    public const string Cifar100TestFile = "test.bin";

    /// <summary>Loads the CIFAR-10 training set (five batch files) from a cifar-10-batches-bin folder.</summary>
    /// <param name="directory">The folder.</param>
    public static ByteImageDataset LoadCifar10Train(string directory) =>
        ReadCifar10(Cifar10TrainFiles.Select(f => Path.Combine(directory, f)).ToArray());

    /// <summary>Loads the CIFAR-10 test set from a cifar-10-batches-bin folder.</summary>
    /// <param name="directory">The folder.</param>
    public static ByteImageDataset LoadCifar10Test(string directory) => ReadCifar10(Path.Combine(directory, Cifar10TestFile));

    /// <summary>Loads the CIFAR-100 training set from a cifar-100-binary folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="labels">Fine (100 classes) or coarse (20 classes) labels.</param>
    public static ByteImageDataset LoadCifar100Train(string directory, Cifar100Labels labels = Cifar100Labels.Fine) =>
        ReadCifar100(Path.Combine(directory, Cifar100TrainFile), labels);

    /// <summary>Loads the CIFAR-100 test set from a cifar-100-binary folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="labels">Fine (100 classes) or coarse (20 classes) labels.</param>
    public static ByteImageDataset LoadCifar100Test(string directory, Cifar100Labels labels = Cifar100Labels.Fine) =>
        ReadCifar100(Path.Combine(directory, Cifar100TestFile), labels);

    /// <summary>Reads CIFAR-10 binary files and joins their records in order.</summary>
    /// <param name="paths">One or more files of 3,073-byte records.</param>
    public static ByteImageDataset ReadCifar10(params string[] paths) => Read(paths, labelBytes: 1, labelOffset: 0, classCount: 10);

    /// <summary>Reads a CIFAR-100 binary file.</summary>
    /// <param name="path">A file of 3,074-byte records.</param>
    /// <param name="labels">Fine (100 classes) or coarse (20 classes) labels.</param>
    public static ByteImageDataset ReadCifar100(string path, Cifar100Labels labels = Cifar100Labels.Fine) =>
        labels == Cifar100Labels.Fine
            ? Read([path], labelBytes: 2, labelOffset: 1, classCount: 100)
            : Read([path], labelBytes: 2, labelOffset: 0, classCount: 20);

    private static ByteImageDataset Read(string[] paths, int labelBytes, int labelOffset, int classCount)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Length == 0)
        {
            throw new ArgumentException("At least one CIFAR file is needed.", nameof(paths));
        }

        int recordBytes = labelBytes + PixelBytes;
        long total = 0;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"CIFAR file {path} does not exist.", path);
            }

            long length = new FileInfo(path).Length;
            if (length == 0 || length % recordBytes != 0)
            {
                throw new InvalidDataException(
                    $"{path}: {length} bytes is not a whole number of {recordBytes}-byte records (truncated file, or not CIFAR-{(labelBytes == 1 ? 10 : 100)}).");
            }

            total += length / recordBytes;
        }

        if (total * PixelBytes > Array.MaxLength)
        {
            throw new InvalidDataException($"{total} CIFAR records do not fit in one array.");
        }

        var pixels = new byte[total * PixelBytes];
        var labels = new byte[total];
        var record = new byte[recordBytes];
        int sample = 0;
        foreach (var path in paths)
        {
            using var file = File.OpenRead(path);
            long records = file.Length / recordBytes;
            for (long r = 0; r < records; r++, sample++)
            {
                file.ReadExactly(record);
                byte label = record[labelOffset];
                if (label >= classCount)
                {
                    throw new InvalidDataException($"{path}: record {r} has label {label}; labels lie in [0, {classCount}).");
                }

                labels[sample] = label;
                record.AsSpan(labelBytes).CopyTo(pixels.AsSpan(sample * PixelBytes, PixelBytes));
            }
        }

        return new ByteImageDataset(pixels, labels, 3, ImageSide, ImageSide, classCount);
    }
}
