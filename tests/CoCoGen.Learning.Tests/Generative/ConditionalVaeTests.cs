using CoCoGen.Learning.Data;
using CoCoGen.Learning.Generative;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Generative;

public sealed class ConditionalVaeTests
{
    private static Tensor UniformImages(int batch, int size, ulong seed)
    {
        var images = new Tensor(batch, 1, size, size);
        new RandomSource(seed).FillUniform(images.Span, 0f, 1f);
        return images;
    }

    [Fact]
    public void Gradients_match_finite_differences_of_reconstruction_plus_kl()
    {
        var vae = new ConditionalVae(1, 8, 3, latentSize: 2, new RandomSource(1), hiddenSize: 8);
        var images = UniformImages(3, 8, seed: 2);
        int[] labels = [0, 2, 1];
        const ulong noiseSeed = 7;
        var parameters = vae.Parameters().ToList();
        foreach (var p in parameters)
        {
            p.Gradient.Clear();
        }

        vae.ForwardBackward(images, labels, new RandomSource(noiseSeed));
        var analytic = parameters.Select(p => p.Gradient.Storage.ToArray()).ToList();

        // First encoder convolution, encoder output layer (μ, log σ²), first and last decoder layers.
        int[] checkedParameters = [0, 6, 7, 8, parameters.Count - 2];
        foreach (int pi in checkedParameters)
        {
            var values = parameters[pi].Value.Storage;
            for (int k = 0; k < Math.Min(6, values.Length); k++)
            {
                int i = (k * 7919) % values.Length;
                double numeric = NumericGradient(vae, images, labels, noiseSeed, values, i);
                double exact = analytic[pi][i];
                Assert.True(Math.Abs(numeric - exact) <= 2e-2 + 5e-2 * Math.Abs(exact),
                    $"parameter {pi}, entry {i}: analytic {exact}, numeric {numeric}");
            }
        }
    }

    private static double NumericGradient(ConditionalVae vae, Tensor images, int[] labels, ulong noiseSeed, float[] values, int i)
    {
        const float h = 1e-2f;
        float original = values[i];
        values[i] = original + h;
        double plus = vae.ForwardBackward(images, labels, new RandomSource(noiseSeed)).Total;
        values[i] = original - h;
        double minus = vae.ForwardBackward(images, labels, new RandomSource(noiseSeed)).Total;
        values[i] = original;
        return (plus - minus) / (2 * h);
    }

    [Fact]
    public void Samples_have_the_image_shape_lie_in_the_unit_range_and_repeat_for_a_seed()
    {
        var vae = new ConditionalVae(1, 28, 10, latentSize: 8, new RandomSource(1));

        var a = vae.Sample([0, 3, 9], new RandomSource(5));
        var b = vae.Sample([0, 3, 9], new RandomSource(5));
        var c = vae.Sample([1, 3, 9], new RandomSource(5));

        Assert.Equal([3, 1, 28, 28], a.Shape.ToArray());
        Assert.All(a.Storage, x => Assert.InRange(x, 0f, 1f));
        Assert.Equal(a.Storage, b.Storage);
        // Only the first label differs, so only the first image changes.
        Assert.NotEqual(a.Storage.AsSpan(0, 784).ToArray(), c.Storage.AsSpan(0, 784).ToArray());
        Assert.Equal(a.Storage.AsSpan(784).ToArray(), c.Storage.AsSpan(784).ToArray());
    }

    [Fact]
    public void Generated_dataset_has_the_requested_class_counts_and_mixes_with_real_data()
    {
        var vae = new ConditionalVae(1, 28, 10, latentSize: 4, new RandomSource(1));
        int[] counts = [3, 0, 5, 0, 0, 0, 0, 0, 0, 1];

        var synthetic = vae.GenerateDataset(counts, new RandomSource(2), batchSize: 4);
        var mixed = new MixedDataset(new SubsetDataset(FashionMnist.LoadTest(), [0, 1]), synthetic);

        Assert.Equal(9, synthetic.Count);
        Assert.Equal(counts, synthetic.ClassHistogram());
        Assert.Equal(11, mixed.Count);
        Assert.True(mixed.IsSynthetic(2));
        Assert.Equal(0, mixed.Label(2));
    }

    [Fact]
    public void Training_on_real_fashion_mnist_lowers_the_bound()
    {
        var data = FashionMnist.LoadTest();
        var vae = new ConditionalVae(1, 28, 10, latentSize: 8, new RandomSource(1));
        var optimizer = new Adam(vae.Parameters(), 2e-3f);
        var loader = new BatchLoader(new SubsetDataset(data, Enumerable.Range(0, 256).ToArray()), 64, ChannelNormalization.Identity(1), shuffle: true, seed: 1);
        var noise = new RandomSource(2);
        var losses = new List<float>();
        for (int epoch = 0; epoch < 6; epoch++)
        {
            foreach (var batch in loader.Epoch(epoch))
            {
                optimizer.ZeroGradients();
                losses.Add(vae.ForwardBackward(batch.Images, batch.Labels, noise).Total);
                optimizer.Update();
            }
        }

        // An untrained decoder costs about 784·ln 2 ≈ 543 nats per image.
        Assert.True(losses[^4..].Average() < 0.85 * losses[0], $"bound {losses[0]} → {losses[^1]}");
    }

    [Fact]
    public void Invalid_inputs_are_rejected()
    {
        var vae = new ConditionalVae(1, 8, 3, latentSize: 2, new RandomSource(1));

        Assert.Throws<ArgumentException>(() => vae.ForwardBackward(new Tensor(2, 1, 8, 8), [0], new RandomSource(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => vae.ForwardBackward(new Tensor(1, 1, 8, 8), [3], new RandomSource(1)));
        Assert.Throws<ArgumentException>(() => vae.ForwardBackward(new Tensor(1, 1, 12, 12), [0], new RandomSource(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalVae(1, 30, 3, 2, new RandomSource(1)));
    }
}
