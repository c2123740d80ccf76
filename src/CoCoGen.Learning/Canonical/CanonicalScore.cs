namespace CoCoGen.Learning.Canonical;

/// <summary>A model's canonical score on a validation set.</summary>
/// <param name="Loss">Mean cross-entropy: the per-sample losses summed in sample order, divided by the count.</param>
/// <param name="Correct">Samples whose predicted class is their label.</param>
/// <param name="Count">Samples scored.</param>
public readonly record struct CanonicalScore(double Loss, int Correct, int Count)
{
    /// <summary>Correct / Count.</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;
}
