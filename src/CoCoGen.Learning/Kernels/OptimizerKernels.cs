using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>Parameter update rules with PyTorch's semantics, vectorised over the parameter span.</summary>
public static class OptimizerKernels
{
    /// <summary>
    /// SGD: g = grad + wd·p; v = μ·v + g; step = nesterov ? g + μ·v : v (or g without momentum); p −= lr·step.
    /// </summary>
    /// <param name="parameter">Updated in place.</param>
    /// <param name="gradient">The gradient.</param>
    /// <param name="velocity">Momentum buffer, updated (ignored when momentum is 0).</param>
    /// <param name="learningRate">Step size.</param>
    /// <param name="momentum">μ.</param>
    /// <param name="weightDecay">L2 coefficient.</param>
    /// <param name="nesterov">Use Nesterov momentum.</param>
    public static void SgdStep(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> velocity, float learningRate, float momentum, float weightDecay, bool nesterov)
    {
        ActivationKernels.RequireSameLength(parameter.Length, gradient.Length, nameof(gradient));
        ActivationKernels.RequireSameLength(parameter.Length, velocity.Length, nameof(velocity));
        ref float p = ref MemoryMarshal.GetReference(parameter);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float v = ref MemoryMarshal.GetReference(velocity);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> lr = Vector256.Create(learningRate);
            Vector256<float> mu = Vector256.Create(momentum);
            Vector256<float> wd = Vector256.Create(weightDecay);
            for (; i <= parameter.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> pv = Vector256.LoadUnsafe(ref p, (nuint)i);
                Vector256<float> step = Vector256.LoadUnsafe(ref g, (nuint)i) + (wd * pv);
                if (momentum != 0)
                {
                    Vector256<float> vel = (mu * Vector256.LoadUnsafe(ref v, (nuint)i)) + step;
                    vel.StoreUnsafe(ref v, (nuint)i);
                    step = nesterov ? step + (mu * vel) : vel;
                }

                (pv - (lr * step)).StoreUnsafe(ref p, (nuint)i);
            }
        }

        for (; i < parameter.Length; i++)
        {
            float step = gradient[i] + (weightDecay * parameter[i]);
            if (momentum != 0)
            {
                velocity[i] = (momentum * velocity[i]) + step;
                step = nesterov ? step + (momentum * velocity[i]) : velocity[i];
            }

            parameter[i] -= learningRate * step;
        }
    }

    /// <summary>
    /// Adam (L2 weight decay added to the gradient): m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²;
    /// p −= lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε).
    /// </summary>
    /// <param name="parameter">Updated in place.</param>
    /// <param name="gradient">The gradient.</param>
    /// <param name="firstMoment">m, updated.</param>
    /// <param name="secondMoment">v, updated.</param>
    /// <param name="step">t, the 1-based step number.</param>
    /// <param name="learningRate">lr.</param>
    /// <param name="beta1">β₁.</param>
    /// <param name="beta2">β₂.</param>
    /// <param name="epsilon">ε.</param>
    /// <param name="weightDecay">L2 coefficient.</param>
    public static void AdamStep(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> firstMoment, Span<float> secondMoment, int step, float learningRate, float beta1, float beta2, float epsilon, float weightDecay)
    {
        ActivationKernels.RequireSameLength(parameter.Length, gradient.Length, nameof(gradient));
        ActivationKernels.RequireSameLength(parameter.Length, firstMoment.Length, nameof(firstMoment));
        ActivationKernels.RequireSameLength(parameter.Length, secondMoment.Length, nameof(secondMoment));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        float correction1 = 1f / (1f - MathF.Pow(beta1, step));
        float correction2 = 1f / (1f - MathF.Pow(beta2, step));
        for (int i = 0; i < parameter.Length; i++)
        {
            float g = gradient[i] + (weightDecay * parameter[i]);
            float m = firstMoment[i] = (beta1 * firstMoment[i]) + ((1 - beta1) * g);
            float v = secondMoment[i] = (beta2 * secondMoment[i]) + ((1 - beta2) * g * g);
            parameter[i] -= learningRate * (m * correction1) / (MathF.Sqrt(v * correction2) + epsilon);
        }
    }
}
