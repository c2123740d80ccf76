namespace CoCoGen.Learning.Canonical;

/// <summary>
/// One sample's cross-entropy −log softmax(z)[label] and predicted class, in float64 with the canonical
/// exp/log. Definition: m = max over z (float32 comparisons); s = Σⱼ exp(zⱼ − m) summed for j = 0, 1, …, C − 1
/// (each difference taken in float64, where it is exact); loss = log(s) − (z_label − m). The predicted class is
/// the first index of the maximum (the engine's arg-max rule).
/// </summary>
public static class CanonicalSoftmaxCrossEntropy
{
    /// <summary>The loss of one sample.</summary>
    /// <param name="logits">The sample's C logits.</param>
    /// <param name="label">Its class, in [0, C).</param>
    public static double Loss(ReadOnlySpan<float> logits, int label)
    {
        if ((uint)label >= (uint)logits.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(label), $"Label {label} is outside [0, {logits.Length}).");
        }

        float max = logits[PredictedClass(logits)];
        double sum = 0;
        foreach (float logit in logits)
        {
            sum += CanonicalElementaryFunctions.Exp((double)logit - max);
        }

        return CanonicalElementaryFunctions.Log(sum) - ((double)logits[label] - max);
    }

    /// <summary>The first index holding the largest logit (NaN never counts as larger).</summary>
    /// <param name="logits">The sample's C logits, C ≥ 1.</param>
    public static int PredictedClass(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int j = 1; j < logits.Length; j++)
        {
            if (logits[j] > logits[best])
            {
                best = j;
            }
        }

        return best;
    }
}
