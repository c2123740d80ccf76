namespace CoCoGen.Learning.Generative;

/// <summary>The two terms of the variational bound, each summed over an image (or latent) and averaged over the batch.</summary>
/// <param name="Reconstruction">Binary cross-entropy of the decoded logits against the input pixels.</param>
/// <param name="KlDivergence">KL(q(z | x, y) ‖ N(0, I)).</param>
public readonly record struct VaeLoss(float Reconstruction, float KlDivergence)
{
    /// <summary>The negative evidence lower bound: reconstruction + KL.</summary>
    public float Total => Reconstruction + KlDivergence;
}
