namespace CoCoGen.Learning.Data;

/// <summary>
/// CIFAR-10 from either distribution: a <c>cifar-10-batches-bin</c> folder of the official binary files,
/// or a zip of JPEGs (<see cref="CifarJpegArchive"/>), decoded once into binary records in a cache
/// folder and read from there afterwards. The cache is rebuilt when the zip's size or time stamp changes.
/// </summary>
public static class Cifar10
{
    /// <summary>The project machines' copy: the JPEG q75 re-encoding in the shared data folder.</summary>
    public const string DefaultLocation = "../shared/data/cifar10-jpeg.zip";

    /// <summary>Classes.</summary>
    public const int ClassCount = 10;

    /// <summary>What to write beside a CIFAR-10 figure computed from <paramref name="location"/>.</summary>
    public static string Provenance(string location) =>
        IsArchive(location)
            ? "CIFAR-10 (JPEG q75 copy): a public mirror of CIFAR-10 (Krizhevsky, 2009) re-encoded as JPEG at quality 75, so pixels differ slightly from the official binaries"
            : "CIFAR-10 (Krizhevsky, 2009), official binary distribution";

    /// <summary>The 50,000 training images.</summary>
    /// <param name="location">A cifar-10-batches-bin folder or a JPEG zip.</param>
    /// <param name="cacheDirectory">Where a zip's decoded records are kept.</param>
    public static ByteImageDataset LoadTrain(string location, string cacheDirectory) =>
        IsArchive(location)
            ? CifarBinary.ReadCifar10(Cached(location, "train", cacheDirectory))
            : CifarBinary.LoadCifar10Train(Folder(location));

    /// <summary>The 10,000 test images.</summary>
    /// <param name="location">A cifar-10-batches-bin folder or a JPEG zip.</param>
    /// <param name="cacheDirectory">Where a zip's decoded records are kept.</param>
    public static ByteImageDataset LoadTest(string location, string cacheDirectory) =>
        IsArchive(location)
            ? CifarBinary.ReadCifar10(Cached(location, "test", cacheDirectory))
            : CifarBinary.LoadCifar10Test(Folder(location));

    /// <summary>The default cache folder for decoded archives: the user's local application data.</summary>
    public static string DefaultCacheDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "cocogen", "cifar10");

    private static bool IsArchive(string location) =>
        location.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static string Folder(string location) =>
        Directory.Exists(location)
            ? location
            : throw new DirectoryNotFoundException($"CIFAR-10 location '{location}' is neither a cifar-10-batches-bin folder nor a .zip of JPEGs.");

    private static string Cached(string archivePath, string split, string cacheDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        if (!File.Exists(archivePath))
        {
            throw new FileNotFoundException($"CIFAR-10 archive '{archivePath}' does not exist (set the CIFAR-10 location to a cifar-10-batches-bin folder or the JPEG zip).", archivePath);
        }

        var archive = new FileInfo(archivePath);
        var stamp = $"{archive.FullName}|{archive.Length}|{archive.LastWriteTimeUtc.Ticks}";
        Directory.CreateDirectory(cacheDirectory);
        var records = Path.Combine(cacheDirectory, $"{split}.bin");
        var stampPath = Path.Combine(cacheDirectory, $"{split}.source");
        if (!File.Exists(records) || !File.Exists(stampPath) || File.ReadAllText(stampPath) != stamp)
        {
            CifarJpegArchive.DecodeToBinary(archivePath, split, records);
            File.WriteAllText(stampPath, stamp);
        }

        return records;
    }
}
