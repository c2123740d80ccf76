namespace CoCoGen.Learning.Kernels;

/// <summary>Loss values and their gradients, each reduced by the mean the way PyTorch's defaults do.</summary>
public static class LossKernels
{
    /// <summary>Mean over samples of −log softmax(logits)[label]; gradient = (softmax − onehot)/N.</summary>
    /// <param name="logits">[N, C].</param>
    /// <param name="labels">[N] class indices.</param>
    /// <param name="gradient">[N, C], overwritten.</param>
    /// <param name="classes">C.</param>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<int> labels, Span<float> gradient, int classes)
    {
        ActivationKernels.RequireSameLength(logits.Length, gradient.Length, nameof(gradient));
        int batch = labels.Length;
        ActivationKernels.RequireSameLength(batch * classes, logits.Length, nameof(logits));
        double total = 0;
        float invBatch = 1f / batch;
        for (int n = 0; n < batch; n++)
        {
            int label = labels[n];
            if ((uint)label >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"Label {label} of sample {n} is outside [0, {classes}).");
            }

            ReadOnlySpan<float> row = logits.Slice(n * classes, classes);
            Span<float> grad = gradient.Slice(n * classes, classes);
            float max = float.NegativeInfinity;
            foreach (float v in row)
            {
                max = MathF.Max(max, v);
            }

            float sum = 0;
            for (int j = 0; j < classes; j++)
            {
                float e = MathF.Exp(row[j] - max);
                grad[j] = e;
                sum += e;
            }

            total += Math.Log(sum) + max - row[label];
            float scale = invBatch / sum;
            for (int j = 0; j < classes; j++)
            {
                grad[j] *= scale;
            }

            grad[label] -= invBatch;
        }

        return (float)(total / batch);
    }

    /// <summary>Mean of (prediction − target)²; gradient = 2(prediction − target)/count.</summary>
    /// <param name="prediction">Predictions.</param>
    /// <param name="target">Targets.</param>
    /// <param name="gradient">Overwritten.</param>
    public static float MeanSquaredError(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> gradient)
    {
        ActivationKernels.RequireSameLength(prediction.Length, target.Length, nameof(target));
        ActivationKernels.RequireSameLength(prediction.Length, gradient.Length, nameof(gradient));
        double total = 0;
        float scale = 2f / prediction.Length;
        for (int i = 0; i < prediction.Length; i++)
        {
            float d = prediction[i] - target[i];
            total += d * d;
            gradient[i] = scale * d;
        }

        return (float)(total / prediction.Length);
    }

    /// <summary>
    /// Mean binary cross-entropy of sigmoid(logits) against targets in [0, 1], in the stable form
    /// max(x, 0) − x·t + log(1 + e^(−|x|)); gradient = (sigmoid(x) − t)/count.
    /// </summary>
    /// <param name="logits">Logits.</param>
    /// <param name="target">Targets.</param>
    /// <param name="gradient">Overwritten.</param>
    public static float BinaryCrossEntropyWithLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> target, Span<float> gradient)
    {
        ActivationKernels.RequireSameLength(logits.Length, target.Length, nameof(target));
        ActivationKernels.RequireSameLength(logits.Length, gradient.Length, nameof(gradient));
        double total = 0;
        float scale = 1f / logits.Length;
        for (int i = 0; i < logits.Length; i++)
        {
            float x = logits[i];
            float t = target[i];
            total += MathF.Max(x, 0) - (x * t) + MathF.Log(1 + MathF.Exp(-MathF.Abs(x)));
            gradient[i] = scale * ((1f / (1f + MathF.Exp(-x))) - t);
        }

        return (float)(total / logits.Length);
    }

    /// <summary>
    /// KL(N(μ, σ²) ‖ N(0, 1)) summed over latent dimensions and averaged over samples:
    /// −½ Σ (1 + log σ² − μ² − σ²) / N; gradients μ/N and ½(σ² − 1)/N.
    /// </summary>
    /// <param name="mean">[N, D] μ.</param>
    /// <param name="logVariance">[N, D] log σ².</param>
    /// <param name="meanGradient">Overwritten.</param>
    /// <param name="logVarianceGradient">Overwritten.</param>
    /// <param name="batch">N.</param>
    public static float GaussianKlDivergence(ReadOnlySpan<float> mean, ReadOnlySpan<float> logVariance, Span<float> meanGradient, Span<float> logVarianceGradient, int batch)
    {
        ActivationKernels.RequireSameLength(mean.Length, logVariance.Length, nameof(logVariance));
        ActivationKernels.RequireSameLength(mean.Length, meanGradient.Length, nameof(meanGradient));
        ActivationKernels.RequireSameLength(mean.Length, logVarianceGradient.Length, nameof(logVarianceGradient));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        double total = 0;
        float scale = 1f / batch;
        for (int i = 0; i < mean.Length; i++)
        {
            float variance = MathF.Exp(logVariance[i]);
            total += 1 + logVariance[i] - (mean[i] * mean[i]) - variance;
            meanGradient[i] = scale * mean[i];
            logVarianceGradient[i] = 0.5f * scale * (variance - 1);
        }

        return (float)(-0.5 * total / batch);
    }
}
