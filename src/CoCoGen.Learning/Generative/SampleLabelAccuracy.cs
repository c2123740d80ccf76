using CoCoGen.Learning.Data;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Generative;

/// <summary>
/// How recognisable class-conditioned samples are: the fraction of generated images that a classifier
/// trained on real data assigns to the class they were generated for (overall and per class).
/// </summary>
/// <param name="Overall">Fraction of all samples labelled as their class.</param>
/// <param name="PerClass">The same fraction for each class.</param>
public sealed record SampleLabelAccuracy(double Overall, IReadOnlyList<double> PerClass)
{
    /// <summary>Generates <paramref name="perClass"/> samples of every class and classifies them.</summary>
    /// <param name="vae">The generator.</param>
    /// <param name="classifier">A classifier over the same classes, trained on real data.</param>
    /// <param name="normalization">The standardisation the classifier was trained with (applied to the samples).</param>
    /// <param name="perClass">Samples generated per class.</param>
    /// <param name="noise">Seeded source of the latent codes.</param>
    /// <param name="batchSize">Samples generated and classified at once.</param>
    public static SampleLabelAccuracy Measure(ConditionalVae vae, Layer classifier, ChannelNormalization normalization, int perClass, RandomSource noise, int batchSize = 250)
    {
        ArgumentNullException.ThrowIfNull(vae);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perClass);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        classifier.Eval();
        int plane = vae.ImageSize * vae.ImageSize;
        int imageSize = vae.Channels * plane;
        var correct = new int[vae.Classes];
        for (int label = 0; label < vae.Classes; label++)
        {
            for (int done = 0; done < perClass; done += batchSize)
            {
                int count = Math.Min(batchSize, perClass - done);
                var labels = Enumerable.Repeat(label, count).ToArray();
                Tensor images = vae.Sample(labels, noise);
                for (int n = 0; n < count; n++)
                {
                    normalization.ApplyInPlace(images.Span.Slice(n * imageSize, imageSize), plane);
                }

                correct[label] += Trainer.CountCorrect(classifier.Forward(images), labels);
            }
        }

        return new SampleLabelAccuracy(
            (double)correct.Sum() / (perClass * vae.Classes),
            correct.Select(c => (double)c / perClass).ToArray());
    }
}
