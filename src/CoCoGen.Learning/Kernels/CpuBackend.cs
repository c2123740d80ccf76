using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// The CPU implementation of <see cref="IComputeBackend"/>: span kernels, the packed SGEMM, im2col
/// convolutions over cache-sized sample chunks spread across threads, direct depthwise convolution.
/// Workspaces are per thread, so one backend may serve models trained on different threads.
/// </summary>
public sealed class CpuBackend : IComputeBackend
{
    private readonly int _maxThreads;

    /// <summary>Creates a backend.</summary>
    /// <param name="maxThreads">Threads the kernels may use; 0 uses every processor.</param>
    public CpuBackend(int maxThreads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxThreads);
        _maxThreads = maxThreads;
    }

    /// <summary>A process-wide instance using every processor.</summary>
    public static CpuBackend Shared { get; } = new();

    /// <inheritdoc />
    public string Name => "cpu";

    /// <inheritdoc />
    public void MatMul(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, float alpha = 1, float beta = 0)
    {
        RequireRank(a, 2, nameof(a));
        RequireRank(b, 2, nameof(b));
        RequireRank(c, 2, nameof(c));
        int m = transposeA ? a.Dim(1) : a.Dim(0);
        int k = transposeA ? a.Dim(0) : a.Dim(1);
        int kb = transposeB ? b.Dim(1) : b.Dim(0);
        int n = transposeB ? b.Dim(0) : b.Dim(1);
        if (k != kb || c.Dim(0) != m || c.Dim(1) != n)
        {
            throw new ArgumentException($"MatMul shapes do not agree: a {a.ShapeText}{(transposeA ? "ᵀ" : string.Empty)}, b {b.ShapeText}{(transposeB ? "ᵀ" : string.Empty)}, c {c.ShapeText}.", nameof(c));
        }

        Sgemm.Multiply(transposeA, transposeB, m, n, k, alpha, a.Span, a.Dim(1), b.Span, b.Dim(1), beta, c.Span, n, _maxThreads);
    }

    /// <inheritdoc />
    public void AddRowBias(Tensor matrix, Tensor bias)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(bias);
        int features = bias.Length;
        Span<float> data = matrix.Span;
        for (int offset = 0; offset < data.Length; offset += features)
        {
            VectorKernels.Add(data.Slice(offset, features), bias.Span, data.Slice(offset, features));
        }
    }

    /// <inheritdoc />
    public void AccumulateColumnSums(Tensor matrix, Tensor biasGradient)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(biasGradient);
        int features = biasGradient.Length;
        ReadOnlySpan<float> data = matrix.Span;
        for (int offset = 0; offset < data.Length; offset += features)
        {
            VectorKernels.Add(biasGradient.Span, data.Slice(offset, features), biasGradient.Span);
        }
    }

    /// <inheritdoc />
    public void AddChannelBias(Tensor tensor, Tensor bias)
    {
        (int planes, int plane, int channels) = Planes(tensor, bias.Length);
        Span<float> data = tensor.Span;
        for (int p = 0; p < planes; p++)
        {
            Span<float> slice = data.Slice(p * plane, plane);
            VectorKernels.AddScalar(slice, bias[p % channels], slice);
        }
    }

    /// <inheritdoc />
    public void AccumulateChannelSums(Tensor tensor, Tensor biasGradient)
    {
        (int planes, int plane, int channels) = Planes(tensor, biasGradient.Length);
        ReadOnlySpan<float> data = tensor.Span;
        for (int p = 0; p < planes; p++)
        {
            biasGradient[p % channels] += VectorKernels.Sum(data.Slice(p * plane, plane));
        }
    }

    /// <inheritdoc />
    public void Conv2dForward(Tensor input, Tensor weight, Tensor? bias, Tensor output, in Conv2dGeometry geometry)
    {
        CheckConvolution(input, weight, output, geometry);
        ChunkedConvolution.Forward(input, weight, output, geometry, _maxThreads);
        if (bias is not null)
        {
            AddChannelBias(output, bias);
        }
    }

    /// <inheritdoc />
    public void Conv2dBackwardData(Tensor outputGradient, Tensor weight, Tensor inputGradient, in Conv2dGeometry geometry)
    {
        CheckConvolution(inputGradient, weight, outputGradient, geometry);
        ChunkedConvolution.BackwardData(outputGradient, weight, inputGradient, geometry, _maxThreads);
    }

    /// <inheritdoc />
    public void Conv2dBackwardFilter(Tensor input, Tensor outputGradient, Tensor weightGradient, Tensor? biasGradient, in Conv2dGeometry geometry)
    {
        CheckConvolution(input, weightGradient, outputGradient, geometry);
        ChunkedConvolution.BackwardFilter(input, outputGradient, weightGradient, geometry, _maxThreads);
        if (biasGradient is not null)
        {
            AccumulateChannelSums(outputGradient, biasGradient);
        }
    }

    /// <inheritdoc />
    public void ActivationForward(ActivationKind kind, Tensor input, Tensor output)
        => ActivationKernels.Forward(kind, input.Span, output.Span);

    /// <inheritdoc />
    public void ActivationBackward(ActivationKind kind, Tensor input, Tensor outputGradient, Tensor inputGradient)
        => ActivationKernels.Backward(kind, input.Span, outputGradient.Span, inputGradient.Span);

    /// <inheritdoc />
    public void Add(Tensor a, Tensor b, Tensor destination) => VectorKernels.Add(a.Span, b.Span, destination.Span);

    /// <inheritdoc />
    public void Multiply(Tensor a, Tensor b, Tensor destination) => VectorKernels.Multiply(a.Span, b.Span, destination.Span);

    /// <inheritdoc />
    public void ScaleChannels(Tensor input, Tensor scale, Tensor output)
    {
        (int planes, int plane, _) = Planes(input, input.Dim(1));
        ActivationKernels.RequireSameLength(planes, scale.Length, nameof(scale));
        ActivationKernels.RequireSameLength(input.Length, output.Length, nameof(output));
        for (int p = 0; p < planes; p++)
        {
            VectorKernels.Scale(input.Span.Slice(p * plane, plane), scale[p], output.Span.Slice(p * plane, plane));
        }
    }

    /// <inheritdoc />
    public void ChannelDot(Tensor input, Tensor outputGradient, Tensor scaleGradient)
    {
        (int planes, int plane, _) = Planes(input, input.Dim(1));
        ActivationKernels.RequireSameLength(planes, scaleGradient.Length, nameof(scaleGradient));
        ActivationKernels.RequireSameLength(input.Length, outputGradient.Length, nameof(outputGradient));
        for (int p = 0; p < planes; p++)
        {
            scaleGradient[p] = VectorKernels.Dot(input.Span.Slice(p * plane, plane), outputGradient.Span.Slice(p * plane, plane));
        }
    }

    /// <inheritdoc />
    public void MaxPool2dForward(Tensor input, Tensor output, int[] argmax, in Pool2dGeometry geometry)
        => PoolingKernels.MaxForward(input.Span, output.Span, argmax, geometry);

    /// <inheritdoc />
    public void MaxPool2dBackward(Tensor outputGradient, int[] argmax, Tensor inputGradient, in Pool2dGeometry geometry)
        => PoolingKernels.MaxBackward(outputGradient.Span, argmax, inputGradient.Span, geometry);

    /// <inheritdoc />
    public void AvgPool2dForward(Tensor input, Tensor output, in Pool2dGeometry geometry)
        => PoolingKernels.AverageForward(input.Span, output.Span, geometry);

    /// <inheritdoc />
    public void AvgPool2dBackward(Tensor outputGradient, Tensor inputGradient, in Pool2dGeometry geometry)
        => PoolingKernels.AverageBackward(outputGradient.Span, inputGradient.Span, geometry);

    /// <inheritdoc />
    public void AdaptiveAvgPool2dForward(Tensor input, Tensor output)
    {
        RequireRank(input, 4, nameof(input));
        RequireRank(output, 4, nameof(output));
        PoolingKernels.AdaptiveAverageForward(input.Span, output.Span, input.Dim(0) * input.Dim(1), input.Dim(2), input.Dim(3), output.Dim(2), output.Dim(3));
    }

    /// <inheritdoc />
    public void AdaptiveAvgPool2dBackward(Tensor outputGradient, Tensor inputGradient)
    {
        RequireRank(inputGradient, 4, nameof(inputGradient));
        RequireRank(outputGradient, 4, nameof(outputGradient));
        PoolingKernels.AdaptiveAverageBackward(outputGradient.Span, inputGradient.Span, inputGradient.Dim(0) * inputGradient.Dim(1), inputGradient.Dim(2), inputGradient.Dim(3), outputGradient.Dim(2), outputGradient.Dim(3));
    }

    /// <inheritdoc />
    public void BatchNormForwardTraining(Tensor input, Tensor gamma, Tensor beta, Tensor output, Tensor savedMean, Tensor savedInvStd, Tensor runningMean, Tensor runningVariance, float momentum, float epsilon)
        => BatchNormKernels.ForwardTraining(input.Span, gamma.Span, beta.Span, output.Span, savedMean.Span, savedInvStd.Span, runningMean.Span, runningVariance.Span, input.Dim(0), input.Dim(1), momentum, epsilon);

    /// <inheritdoc />
    public void BatchNormForwardInference(Tensor input, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVariance, Tensor output, float epsilon)
        => BatchNormKernels.ForwardInference(input.Span, gamma.Span, beta.Span, runningMean.Span, runningVariance.Span, output.Span, input.Dim(0), input.Dim(1), epsilon);

    /// <inheritdoc />
    public void BatchNormBackward(Tensor input, Tensor outputGradient, Tensor gamma, Tensor savedMean, Tensor savedInvStd, Tensor inputGradient, Tensor gammaGradient, Tensor betaGradient)
        => BatchNormKernels.Backward(input.Span, outputGradient.Span, gamma.Span, savedMean.Span, savedInvStd.Span, inputGradient.Span, gammaGradient.Span, betaGradient.Span, input.Dim(0), input.Dim(1));

    /// <inheritdoc />
    public void DropoutForward(Tensor input, Tensor mask, Tensor output, float dropProbability, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ActivationKernels.RequireSameLength(input.Length, mask.Length, nameof(mask));
        Span<float> m = mask.Span;
        float keep = 1f / (1f - dropProbability);
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = random.NextSingle() < dropProbability ? 0f : keep;
        }

        VectorKernels.Multiply(input.Span, m, output.Span);
    }

    /// <inheritdoc />
    public float SoftmaxCrossEntropy(Tensor logits, ReadOnlySpan<int> labels, Tensor gradient)
    {
        RequireRank(logits, 2, nameof(logits));
        return LossKernels.SoftmaxCrossEntropy(logits.Span, labels, gradient.Span, logits.Dim(1));
    }

    /// <inheritdoc />
    public float MeanSquaredError(Tensor prediction, Tensor target, Tensor gradient)
        => LossKernels.MeanSquaredError(prediction.Span, target.Span, gradient.Span);

    /// <inheritdoc />
    public float BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor gradient)
        => LossKernels.BinaryCrossEntropyWithLogits(logits.Span, target.Span, gradient.Span);

    /// <inheritdoc />
    public float GaussianKlDivergence(Tensor mean, Tensor logVariance, Tensor meanGradient, Tensor logVarianceGradient)
        => LossKernels.GaussianKlDivergence(mean.Span, logVariance.Span, meanGradient.Span, logVarianceGradient.Span, mean.Dim(0));

    /// <inheritdoc />
    public void SgdStep(Tensor parameter, Tensor gradient, Tensor velocity, float learningRate, float momentum, float weightDecay, bool nesterov)
        => OptimizerKernels.SgdStep(parameter.Span, gradient.Span, velocity.Span, learningRate, momentum, weightDecay, nesterov);

    /// <inheritdoc />
    public void AdamStep(Tensor parameter, Tensor gradient, Tensor firstMoment, Tensor secondMoment, int stepNumber, float learningRate, float beta1, float beta2, float epsilon, float weightDecay)
        => OptimizerKernels.AdamStep(parameter.Span, gradient.Span, firstMoment.Span, secondMoment.Span, stepNumber, learningRate, beta1, beta2, epsilon, weightDecay);

    private static (int Planes, int Plane, int Channels) Planes(Tensor tensor, int channels)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Rank < 2 || tensor.Dim(1) != channels)
        {
            throw new ArgumentException($"Tensor {tensor.ShapeText} does not have {channels} channels in dimension 1.", nameof(tensor));
        }

        int planes = tensor.Dim(0) * channels;
        return (planes, planes == 0 ? 0 : tensor.Length / planes, channels);
    }

    private static void RequireRank(Tensor tensor, int rank, string name)
    {
        ArgumentNullException.ThrowIfNull(tensor, name);
        if (tensor.Rank != rank)
        {
            throw new ArgumentException($"{name} has shape {tensor.ShapeText}, expected rank {rank}.", name);
        }
    }

    private static void CheckConvolution(Tensor input, Tensor weight, Tensor output, in Conv2dGeometry g)
    {
        g.Validate();
        if (!input.HasShape([g.Batch, g.InChannels, g.InHeight, g.InWidth]))
        {
            throw new ArgumentException($"Convolution input {input.ShapeText} does not match [{g.Batch}, {g.InChannels}, {g.InHeight}, {g.InWidth}].", nameof(input));
        }

        if (!weight.HasShape([g.OutChannels, g.GroupInChannels, g.KernelHeight, g.KernelWidth]))
        {
            throw new ArgumentException($"Convolution weight {weight.ShapeText} does not match [{g.OutChannels}, {g.GroupInChannels}, {g.KernelHeight}, {g.KernelWidth}].", nameof(weight));
        }

        if (!output.HasShape([g.Batch, g.OutChannels, g.OutHeight, g.OutWidth]))
        {
            throw new ArgumentException($"Convolution output {output.ShapeText} does not match [{g.Batch}, {g.OutChannels}, {g.OutHeight}, {g.OutWidth}].", nameof(output));
        }
    }
}
