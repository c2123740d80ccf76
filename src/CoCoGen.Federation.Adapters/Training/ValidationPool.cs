using System.Buffers.Binary;
using System.Security.Cryptography;
using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>
/// The coordinator's validation pool: training-set samples set aside before the training set is split, so no
/// organization's shard holds any of them (<see cref="ImageFederationData.Shard"/> refuses a shard that would) and
/// the test set that reports accuracy stays separate. Each round's subset is drawn from it by a seed that is
/// committed before training and revealed in the evidence. Its pixels are standardised as the model sees them, by
/// scalar code without FMA, so every machine feeds the canonical evaluator the same floats.
/// </summary>
/// <remarks>
/// Here the pool is a public dataset's samples, so any member can rebuild it from the configuration and check its
/// hash. In a real consortium the pool must be data no member trained on, held by the coordinator; it would then
/// ship each round's drawn subset with the evidence instead.
/// </remarks>
public sealed class ValidationPool
{
    private readonly ImageDataset _images;
    private readonly int[] _sourceIndices;
    private readonly ChannelNormalization _normalization;

    /// <summary>Wraps the pool's samples.</summary>
    /// <param name="source">The corpus's whole training set.</param>
    /// <param name="sourceIndices">The pool's samples in <paramref name="source"/>, ascending.</param>
    /// <param name="normalization">The standardisation the model is trained and evaluated with.</param>
    public ValidationPool(ImageDataset source, int[] sourceIndices, ChannelNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourceIndices);
        _normalization = normalization ?? throw new ArgumentNullException(nameof(normalization));
        for (var i = 1; i < sourceIndices.Length; i++)
        {
            if (sourceIndices[i] <= sourceIndices[i - 1])
            {
                throw new ArgumentException("pool indices must be strictly ascending", nameof(sourceIndices));
            }
        }

        _sourceIndices = sourceIndices;
        _images = new SubsetDataset(source, sourceIndices);
        Hash = PoolHash(_images, normalization);
    }

    /// <summary>Samples in the pool.</summary>
    public int Count => _images.Count;

    /// <summary>SHA-256 of every pool sample's standardised float32 pixels and int32 label, in pool order (0x-prefixed hex).</summary>
    public string Hash { get; }

    /// <summary>True when the training set's sample <paramref name="sourceIndex"/> belongs to the pool.</summary>
    public bool Contains(int sourceIndex) => Array.BinarySearch(_sourceIndices, sourceIndex) >= 0;

    /// <summary>The subset a round's seed draws: <paramref name="size"/> distinct pool samples, in ascending pool order.</summary>
    /// <param name="seed">The round's validation seed (at least 8 bytes; the first 8, little-endian, seed the draw).</param>
    /// <param name="size">Samples to draw (at most <see cref="Count"/>).</param>
    /// <param name="subsetHash">SHA-256 of the subset's pixels and labels (0x-prefixed hex).</param>
    public CanonicalValidationSet Draw(ReadOnlySpan<byte> seed, int size, out string subsetHash)
    {
        if (seed.Length < 8)
        {
            throw new ArgumentException("a validation seed has at least 8 bytes", nameof(seed));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Count);
        var order = Enumerable.Range(0, Count).ToArray();
        new RandomSource(BinaryPrimitives.ReadUInt64LittleEndian(seed)).Shuffle(order.AsSpan());
        var chosen = order[..size];
        Array.Sort(chosen);

        var plane = _images.Height * _images.Width;
        var images = new float[(long)size * _images.ImageSize];
        var labels = new int[size];
        for (var i = 0; i < size; i++)
        {
            var image = images.AsSpan(i * _images.ImageSize, _images.ImageSize);
            _images.CopyImage(chosen[i], image);
            _normalization.ApplyInPlace(image, plane);
            labels[i] = _images.Label(chosen[i]);
        }

        subsetHash = HashOf(images, labels, _images.ImageSize);
        return new CanonicalValidationSet(images, labels, _images.ImageSize, _images.ClassCount);
    }

    // The pool is hashed image by image, so it is never held standardised in memory as a whole.
    private static string PoolHash(ImageDataset images, ChannelNormalization normalization)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var image = new float[images.ImageSize];
        var plane = images.Height * images.Width;
        for (var index = 0; index < images.Count; index++)
        {
            images.CopyImage(index, image);
            normalization.ApplyInPlace(image, plane);
            Append(sha, image, images.Label(index));
        }

        return "0x" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string HashOf(float[] images, int[] labels, int imageLength)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < labels.Length; i++)
        {
            Append(sha, images.AsSpan(i * imageLength, imageLength), labels[i]);
        }

        return "0x" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // One sample: its standardised float32 pixels, then its int32 label, little-endian.
    private static void Append(IncrementalHash sha, ReadOnlySpan<float> image, int label)
    {
        Span<byte> bytes = stackalloc byte[4];
        sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(image));
        BinaryPrimitives.WriteInt32LittleEndian(bytes, label);
        sha.AppendData(bytes);
    }
}
