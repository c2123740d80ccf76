using System.IO.Compression;
using SkiaSharp;

namespace CoCoGen.Learning.Data;

/// <summary>
/// CIFAR-10 as a zip of JPEGs, <c>train|test/&lt;class&gt;/&lt;name&gt;.jpg</c> (the layout of
/// ../shared/data/cifar10-jpeg.zip, a public mirror re-encoded at JPEG quality 75). Decoding 60,000 JPEGs
/// costs far more than training reads, so <see cref="DecodeToBinary"/> runs once and writes the official
/// CIFAR-10 binary records (label byte, then 1,024 red, 1,024 green, 1,024 blue bytes), which
/// <see cref="CifarBinary"/> reads thereafter. Decoding is SkiaSharp's (Google's Skia; MIT), chosen over
/// ImageSharp 2.1 whose served version carries reported flaws with crafted images and whose later
/// versions need a paid licence.
/// </summary>
public static class CifarJpegArchive
{
    /// <summary>CIFAR-10's class names in label order; the archive's folder names.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>
    /// Decodes every <c>&lt;split&gt;/&lt;class&gt;/*.jpg</c> entry of <paramref name="archivePath"/>, ordered by
    /// label then entry name, into CIFAR-10 binary records at <paramref name="binaryPath"/>; returns the count.
    /// </summary>
    /// <param name="archivePath">The zip.</param>
    /// <param name="split"><c>train</c> or <c>test</c>.</param>
    /// <param name="binaryPath">The records file to write (replaced atomically).</param>
    public static int DecodeToBinary(string archivePath, string split, string binaryPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(archivePath);
        ArgumentException.ThrowIfNullOrEmpty(split);
        ArgumentException.ThrowIfNullOrEmpty(binaryPath);
        if (!File.Exists(archivePath))
        {
            throw new FileNotFoundException($"CIFAR-10 archive {archivePath} does not exist.", archivePath);
        }

        using var archive = ZipFile.OpenRead(archivePath);
        var entries = new List<(int Label, string Name, ZipArchiveEntry Entry)>();
        foreach (var entry in archive.Entries)
        {
            var parts = entry.FullName.Split('/');
            if (parts.Length != 3 || parts[0] != split || parts[2].Length == 0 || !parts[2].EndsWith(".jpg", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var label = IndexOf(parts[1]);
            if (label < 0)
            {
                throw new InvalidDataException($"{archivePath}: entry {entry.FullName} is in folder '{parts[1]}', which is not a CIFAR-10 class.");
            }

            entries.Add((label, parts[2], entry));
        }

        if (entries.Count == 0)
        {
            throw new InvalidDataException($"{archivePath}: no {split}/<class>/*.jpg entries.");
        }

        entries.Sort((x, y) => x.Label != y.Label ? x.Label.CompareTo(y.Label) : string.CompareOrdinal(x.Name, y.Name));
        var info = new SKImageInfo(CifarBinary.ImageSide, CifarBinary.ImageSide, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var record = new byte[1 + CifarBinary.PixelBytes];
        var plane = CifarBinary.ImageSide * CifarBinary.ImageSide;
        var partial = binaryPath + ".partial";
        using (var output = File.Create(partial))
        {
            foreach (var (label, _, entry) in entries)
            {
                using var bitmap = Decode(archivePath, entry, info);
                var rgba = bitmap.GetPixelSpan();
                record[0] = (byte)label;
                for (var p = 0; p < plane; p++)
                {
                    record[1 + p] = rgba[4 * p];
                    record[1 + plane + p] = rgba[(4 * p) + 1];
                    record[1 + (2 * plane) + p] = rgba[(4 * p) + 2];
                }

                output.Write(record);
            }
        }

        File.Move(partial, binaryPath, overwrite: true);
        return entries.Count;
    }

    private static SKBitmap Decode(string archivePath, ZipArchiveEntry entry, SKImageInfo info)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var bounds = SKBitmap.DecodeBounds(bytes);
        if (bounds.Width != CifarBinary.ImageSide || bounds.Height != CifarBinary.ImageSide)
        {
            throw new InvalidDataException(
                $"{archivePath}: {entry.FullName} is {(bounds.IsEmpty ? "not a decodable image" : $"{bounds.Width}×{bounds.Height}")}; CIFAR-10 images are 32×32.");
        }

        return SKBitmap.Decode(bytes, info) ?? throw new InvalidDataException($"{archivePath}: {entry.FullName} could not be decoded.");
    }

    private static int IndexOf(string name)
    {
        for (var k = 0; k < ClassNames.Count; k++)
        {
            if (ClassNames[k] == name)
            {
                return k;
            }
        }

        return -1;
    }
}
