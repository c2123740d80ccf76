using CoCoGen.Learning.Kernels;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Losses;

/// <summary>
/// KL(N(μ, σ²) ‖ N(0, I)) of a VAE encoder's [N, D] outputs μ and log σ², summed over D and averaged over N.
/// </summary>
/// <param name="backend">The backend; defaults to <see cref="CpuBackend.Shared"/>.</param>
public sealed class GaussianKlDivergenceLoss(IComputeBackend? backend = null)
{
    private readonly IComputeBackend _backend = backend ?? CpuBackend.Shared;
    private Tensor? _meanGradient;
    private Tensor? _logVarianceGradient;

    /// <summary>Computes the divergence and keeps its gradients.</summary>
    /// <param name="mean">μ [N, D].</param>
    /// <param name="logVariance">log σ² [N, D].</param>
    /// <returns>The divergence.</returns>
    public float Forward(Tensor mean, Tensor logVariance)
    {
        LossShapes.RequireSame(mean, logVariance, "Gaussian KL divergence");
        return _backend.GaussianKlDivergence(mean, logVariance, Tensor.Reuse(ref _meanGradient, mean.Shape), Tensor.Reuse(ref _logVarianceGradient, mean.Shape));
    }

    /// <summary>∂loss/∂μ and ∂loss/∂log σ² of the last <see cref="Forward"/>.</summary>
    public (Tensor MeanGradient, Tensor LogVarianceGradient) Backward()
        => (_meanGradient ?? throw new InvalidOperationException("GaussianKlDivergenceLoss.Backward called before Forward."), _logVarianceGradient!);
}
