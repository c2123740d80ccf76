using CoCoGen.Mechanism.Scenarios;

namespace CoCoGen.Mechanism.Calibration;

/// <summary>
/// Moves a calibrated loss curve towards what a run measured: the curve keeps its shape (exponent b) and is scaled
/// by the weighted least-squares factor s that best maps its predictions onto the observed losses, with the
/// calibration itself counted as <c>priorWeight</c> observations that agree with it at the organization's own data
/// size D:
/// <code>s = (κ ℓ(D)² + Σ_r w_r ℓ̂_r ℓ(n_r)) / (κ ℓ(D)² + Σ_r w_r ℓ(n_r)²),   ℓ'(n) = s·a·n^(−b) + s·c.</code>
/// Scaling both a and c keeps ℓ' positive and the update a ratio of losses (the measured local losses sit on the
/// scale of the curve's losses, and fall with the global model as training goes on). With the closed-form
/// equilibrium n_i* = (w_i ξ π_i a_i b_i / β_i)^(1/(b_i+1)) (model.md §5) an interior n_i* moves by exactly
/// s^(1/(b+1)): measured losses above the prediction raise the organization's guidance, losses below lower it.
/// </summary>
public static class LossCurveUpdate
{
    /// <summary>The factor s for <paramref name="prior"/> given <paramref name="observations"/>.</summary>
    /// <param name="prior">The calibrated curve.</param>
    /// <param name="ownSamples">D, where the calibration counts as <paramref name="priorWeight"/> agreeing observations.</param>
    /// <param name="priorWeight">κ ≥ 0; 0 trusts the observations alone.</param>
    /// <param name="observations">Measured losses with their weights.</param>
    /// <exception cref="ArgumentException">A sample size, loss or weight is not positive and finite, or nothing to fit (κ = 0 and no observation).</exception>
    public static double Scale(LossCurve prior, double ownSamples, double priorWeight, ReadOnlySpan<LossObservationPoint> observations)
    {
        if (!(ownSamples > 0) || !double.IsFinite(ownSamples))
        {
            throw new ArgumentException($"ownSamples: must be positive and finite, got {ownSamples}", nameof(ownSamples));
        }

        if (!(priorWeight >= 0) || !double.IsFinite(priorWeight))
        {
            throw new ArgumentException($"priorWeight: must be non-negative and finite, got {priorWeight}", nameof(priorWeight));
        }

        double own = prior.Evaluate(ownSamples);
        double numerator = priorWeight * own * own;
        double denominator = numerator;
        for (int r = 0; r < observations.Length; r++)
        {
            var o = observations[r];
            if (!(o.Samples > 0) || !double.IsFinite(o.Samples) || !(o.Loss > 0) || !double.IsFinite(o.Loss) || !(o.Weight > 0) || !double.IsFinite(o.Weight))
            {
                throw new ArgumentException(FormattableString.Invariant($"observations[{r}]: samples, loss and weight must be positive and finite, got ({o.Samples}, {o.Loss}, {o.Weight})"), nameof(observations));
            }

            double predicted = prior.Evaluate(o.Samples);
            numerator += o.Weight * o.Loss * predicted;
            denominator += o.Weight * predicted * predicted;
        }

        return denominator > 0 ? numerator / denominator : throw new ArgumentException("nothing to fit: no observation and a zero prior weight", nameof(observations));
    }

    /// <summary>The curve <paramref name="prior"/> scaled by <see cref="Scale"/>.</summary>
    public static LossCurve Apply(LossCurve prior, double ownSamples, double priorWeight, ReadOnlySpan<LossObservationPoint> observations)
    {
        double s = Scale(prior, ownSamples, priorWeight, observations);
        return new LossCurve(s * prior.A, prior.B, s * prior.C);
    }
}
