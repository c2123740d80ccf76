using CoCoGen.Learning.Backends;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Torch.Tests;

/// <summary>The two backends the cross-backend tests compare, one thread each, and seeded synthetic batches.</summary>
internal static class CrossBackendFixture
{
    public static NativeLearningBackend NativeBackend() => new(threads: 1);

    public static TorchLearningBackend TorchBackend() => new("cpu", threads: 1, seed: 7);

    /// <summary>Standard-normal images with labels 0..classes-1 in turn.</summary>
    public static LabeledBatch RandomBatch(int count, int channels, int side, int classes, ulong seed)
    {
        var images = new Tensor(count, channels, side, side);
        new RandomSource(seed).FillNormal(images.Span, 0f, 1f);
        return new LabeledBatch(images, [.. Enumerable.Range(0, count).Select(i => i % classes)]);
    }

    /// <summary>Images in [0, 1] (a VAE's targets).</summary>
    public static LabeledBatch UnitBatch(int count, int channels, int side, int classes, ulong seed)
    {
        var images = new Tensor(count, channels, side, side);
        new RandomSource(seed).FillUniform(images.Span, 0f, 1f);
        return new LabeledBatch(images, [.. Enumerable.Range(0, count).Select(i => (i * 3) % classes)]);
    }

    public static Dictionary<string, Tensor> Copy(IReadOnlyList<(string Name, Tensor Tensor)> state)
        => state.ToDictionary(s => s.Name, s => s.Tensor.Clone());

    public static float MaxDifference(IReadOnlyList<(string Name, Tensor Tensor)> a, IReadOnlyList<(string Name, Tensor Tensor)> b)
    {
        Assert.Equal(a.Select(s => s.Name), b.Select(s => s.Name));
        float worst = 0;
        for (int i = 0; i < a.Count; i++)
        {
            Assert.True(a[i].Tensor.HasShape(b[i].Tensor.Shape), $"{a[i].Name}: {a[i].Tensor.ShapeText} vs {b[i].Tensor.ShapeText}");
            for (int k = 0; k < a[i].Tensor.Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(a[i].Tensor.Span[k] - b[i].Tensor.Span[k]));
            }
        }

        return worst;
    }

    /// <summary>A Fashion-MNIST subset (Debian's dataset-fashion-mnist); the test fails naming the package when it is missing.</summary>
    public static ImageDataset FashionMnistSubset(bool train, int count)
    {
        string directory = "/usr/share/datasets/fashion-mnist";
        Assert.True(File.Exists(Path.Combine(directory, "train-images-idx3-ubyte.gz")), $"Fashion-MNIST is missing from {directory}: apt-get install dataset-fashion-mnist (scripts/setup.sh does)");
        ImageDataset all = train ? FashionMnist.LoadTrain(directory) : FashionMnist.LoadTest(directory);
        return new SubsetDataset(all, [.. Enumerable.Range(0, count)]);
    }
}
