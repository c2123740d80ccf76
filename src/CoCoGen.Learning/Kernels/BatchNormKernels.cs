using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>Batch normalisation over the N·H·W elements of each channel of an NCHW tensor.</summary>
public static class BatchNormKernels
{
    /// <summary>
    /// Training forward: normalises by the batch statistics, records mean and 1/√(var+eps) per channel, and moves
    /// the running statistics towards the batch ones (running variance uses the unbiased estimate, as PyTorch).
    /// </summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="gamma">[C] scale.</param>
    /// <param name="beta">[C] shift.</param>
    /// <param name="output">[N, C, H, W].</param>
    /// <param name="savedMean">[C] batch means.</param>
    /// <param name="savedInvStd">[C] batch 1/√(var+eps).</param>
    /// <param name="runningMean">[C] updated.</param>
    /// <param name="runningVariance">[C] updated.</param>
    /// <param name="batch">N.</param>
    /// <param name="channels">C.</param>
    /// <param name="momentum">Weight of the batch statistic in the running update.</param>
    /// <param name="epsilon">Variance floor.</param>
    public static void ForwardTraining(
        ReadOnlySpan<float> input, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> output,
        Span<float> savedMean, Span<float> savedInvStd, Span<float> runningMean, Span<float> runningVariance,
        int batch, int channels, float momentum, float epsilon)
    {
        int plane = CheckLengths(input.Length, output.Length, batch, channels);
        int count = batch * plane;
        for (int c = 0; c < channels; c++)
        {
            double sum = 0;
            for (int n = 0; n < batch; n++)
            {
                sum += VectorKernels.Sum(input.Slice(((n * channels) + c) * plane, plane));
            }

            float mean = (float)(sum / count);
            double squares = 0;
            for (int n = 0; n < batch; n++)
            {
                squares += SquaredDeviations(input.Slice(((n * channels) + c) * plane, plane), mean);
            }

            float variance = (float)(squares / count);
            float invStd = 1f / MathF.Sqrt(variance + epsilon);
            savedMean[c] = mean;
            savedInvStd[c] = invStd;
            float unbiased = count > 1 ? (float)(squares / (count - 1)) : variance;
            runningMean[c] = ((1 - momentum) * runningMean[c]) + (momentum * mean);
            runningVariance[c] = ((1 - momentum) * runningVariance[c]) + (momentum * unbiased);
            Normalize(input, output, batch, channels, plane, c, gamma[c] * invStd, beta[c] - (mean * gamma[c] * invStd));
        }
    }

    /// <summary>Inference forward with the running statistics.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="gamma">[C].</param>
    /// <param name="beta">[C].</param>
    /// <param name="runningMean">[C].</param>
    /// <param name="runningVariance">[C].</param>
    /// <param name="output">[N, C, H, W].</param>
    /// <param name="batch">N.</param>
    /// <param name="channels">C.</param>
    /// <param name="epsilon">Variance floor.</param>
    public static void ForwardInference(
        ReadOnlySpan<float> input, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta,
        ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVariance, Span<float> output,
        int batch, int channels, float epsilon)
    {
        int plane = CheckLengths(input.Length, output.Length, batch, channels);
        for (int c = 0; c < channels; c++)
        {
            float scale = gamma[c] / MathF.Sqrt(runningVariance[c] + epsilon);
            Normalize(input, output, batch, channels, plane, c, scale, beta[c] - (runningMean[c] * scale));
        }
    }

    /// <summary>
    /// Backward through the training forward: gammaGradient += Σ dy·x̂, betaGradient += Σ dy, and
    /// dx = γ·invStd/M · (M·dy − Σdy − x̂·Σ(dy·x̂)) (overwritten).
    /// </summary>
    /// <param name="input">[N, C, H, W] forward input.</param>
    /// <param name="outputGradient">[N, C, H, W].</param>
    /// <param name="gamma">[C].</param>
    /// <param name="savedMean">[C] from the forward.</param>
    /// <param name="savedInvStd">[C] from the forward.</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    /// <param name="gammaGradient">[C] accumulated.</param>
    /// <param name="betaGradient">[C] accumulated.</param>
    /// <param name="batch">N.</param>
    /// <param name="channels">C.</param>
    public static void Backward(
        ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, ReadOnlySpan<float> gamma,
        ReadOnlySpan<float> savedMean, ReadOnlySpan<float> savedInvStd, Span<float> inputGradient,
        Span<float> gammaGradient, Span<float> betaGradient, int batch, int channels)
    {
        int plane = CheckLengths(input.Length, outputGradient.Length, batch, channels);
        ActivationKernels.RequireSameLength(input.Length, inputGradient.Length, nameof(inputGradient));
        int count = batch * plane;
        for (int c = 0; c < channels; c++)
        {
            float mean = savedMean[c];
            float invStd = savedInvStd[c];
            double sumDy = 0;
            double sumDyCentered = 0;
            for (int n = 0; n < batch; n++)
            {
                int offset = ((n * channels) + c) * plane;
                ReadOnlySpan<float> dy = outputGradient.Slice(offset, plane);
                sumDy += VectorKernels.Sum(dy);
                sumDyCentered += CenteredDot(dy, input.Slice(offset, plane), mean);
            }

            double sumDyXhat = invStd * sumDyCentered;

            gammaGradient[c] += (float)sumDyXhat;
            betaGradient[c] += (float)sumDy;
            float k = gamma[c] * invStd;
            float meanDy = (float)(sumDy / count);
            float meanDyXhat = (float)(sumDyXhat / count);
            for (int n = 0; n < batch; n++)
            {
                int offset = ((n * channels) + c) * plane;
                ReadOnlySpan<float> x = input.Slice(offset, plane);
                ReadOnlySpan<float> dy = outputGradient.Slice(offset, plane);
                Span<float> dx = inputGradient.Slice(offset, plane);
                // dx = k·dy − k·meanDyXhat·invStd·x + k·(meanDyXhat·invStd·mean − meanDy), one fused pass.
                float slope = k * meanDyXhat * invStd;
                float offsetTerm = k * ((meanDyXhat * invStd * mean) - meanDy);
                TensorPrimitives.Multiply(dy, k, dx);
                TensorPrimitives.MultiplyAdd(x, -slope, dx, dx);
                TensorPrimitives.Add(dx, offsetTerm, dx);
            }
        }
    }

    // Σ dy·(x − mean), centred before multiplying so a large mean does not cancel digits away.
    private static double CenteredDot(ReadOnlySpan<float> dy, ReadOnlySpan<float> x, float mean)
    {
        ref float dyStart = ref MemoryMarshal.GetReference(dy);
        ref float xStart = ref MemoryMarshal.GetReference(x);
        int i = 0;
        double total = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<float>.Count)
        {
            Vector256<float> m = Vector256.Create(mean);
            Vector256<float> acc = Vector256<float>.Zero;
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref dyStart, (nuint)i), Vector256.LoadUnsafe(ref xStart, (nuint)i) - m, acc);
            }

            total = Vector256.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            total += dy[i] * (x[i] - mean);
        }

        return total;
    }

    // Σ (x − mean)², vectorised with a float accumulator per lane (planes are small) returned as double.
    private static double SquaredDeviations(ReadOnlySpan<float> x, float mean)
    {
        ref float start = ref MemoryMarshal.GetReference(x);
        int i = 0;
        double total = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<float>.Count)
        {
            Vector256<float> m = Vector256.Create(mean);
            Vector256<float> acc = Vector256<float>.Zero;
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> d = Vector256.LoadUnsafe(ref start, (nuint)i) - m;
                acc = Vector256.FusedMultiplyAdd(d, d, acc);
            }

            total = Vector256.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            float d = x[i] - mean;
            total += d * d;
        }

        return total;
    }

    private static void Normalize(ReadOnlySpan<float> input, Span<float> output, int batch, int channels, int plane, int c, float scale, float shift)
    {
        for (int n = 0; n < batch; n++)
        {
            int offset = ((n * channels) + c) * plane;
            VectorKernels.Scale(input.Slice(offset, plane), scale, output.Slice(offset, plane));
            VectorKernels.AddScalar(output.Slice(offset, plane), shift, output.Slice(offset, plane));
        }
    }

    private static int CheckLengths(int inputLength, int otherLength, int batch, int channels)
    {
        ActivationKernels.RequireSameLength(inputLength, otherLength, "output");
        if (batch <= 0 || channels <= 0 || inputLength % (batch * channels) != 0)
        {
            throw new ArgumentException($"Batch norm input of {inputLength} elements does not split into {batch} samples × {channels} channels.", nameof(channels));
        }

        return inputLength / (batch * channels);
    }
}
