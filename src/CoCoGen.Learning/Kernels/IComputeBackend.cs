using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Kernels;

/// <summary>
/// Every numeric operation layers, losses and optimizers perform. Layers and models talk only to this
/// interface, on whole tensors, so a device backend (CUDA) can implement it without touching them.
/// Gradients named "accumulate" are added to; everything else is overwritten.
/// </summary>
public interface IComputeBackend
{
    /// <summary>A short name ("cpu").</summary>
    string Name { get; }

    /// <summary>c ← alpha·op(a)·op(b) + beta·c for rank-2 tensors.</summary>
    /// <param name="a">[m, k], or [k, m] when transposed.</param>
    /// <param name="transposeA">Use aᵀ.</param>
    /// <param name="b">[k, n], or [n, k] when transposed.</param>
    /// <param name="transposeB">Use bᵀ.</param>
    /// <param name="c">[m, n].</param>
    /// <param name="alpha">Product scale.</param>
    /// <param name="beta">Scale of the existing c (0 overwrites).</param>
    void MatMul(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, float alpha = 1, float beta = 0);

    /// <summary>Adds bias[j] to every row of a [rows, features] matrix.</summary>
    /// <param name="matrix">Updated in place.</param>
    /// <param name="bias">[features].</param>
    void AddRowBias(Tensor matrix, Tensor bias);

    /// <summary>biasGradient[j] += Σ_rows matrix[row, j].</summary>
    /// <param name="matrix">[rows, features].</param>
    /// <param name="biasGradient">[features], accumulated.</param>
    void AccumulateColumnSums(Tensor matrix, Tensor biasGradient);

    /// <summary>Adds bias[c] to every element of channel c of an NCHW tensor.</summary>
    /// <param name="tensor">Updated in place.</param>
    /// <param name="bias">[C].</param>
    void AddChannelBias(Tensor tensor, Tensor bias);

    /// <summary>biasGradient[c] += Σ over N, H, W of tensor.</summary>
    /// <param name="tensor">NCHW.</param>
    /// <param name="biasGradient">[C], accumulated.</param>
    void AccumulateChannelSums(Tensor tensor, Tensor biasGradient);

    /// <summary>output = conv2d(input, weight) + bias.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="weight">[O, C/groups, kh, kw].</param>
    /// <param name="bias">[O] or null.</param>
    /// <param name="output">[N, O, OH, OW].</param>
    /// <param name="geometry">The convolution shape.</param>
    void Conv2dForward(Tensor input, Tensor weight, Tensor? bias, Tensor output, in Conv2dGeometry geometry);

    /// <summary>inputGradient = ∂/∂input of conv2d, given outputGradient.</summary>
    /// <param name="outputGradient">[N, O, OH, OW].</param>
    /// <param name="weight">[O, C/groups, kh, kw].</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    /// <param name="geometry">The convolution shape.</param>
    void Conv2dBackwardData(Tensor outputGradient, Tensor weight, Tensor inputGradient, in Conv2dGeometry geometry);

    /// <summary>weightGradient (and biasGradient when given) accumulate ∂/∂weight of conv2d.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="outputGradient">[N, O, OH, OW].</param>
    /// <param name="weightGradient">[O, C/groups, kh, kw], accumulated.</param>
    /// <param name="biasGradient">[O] accumulated, or null.</param>
    /// <param name="geometry">The convolution shape.</param>
    void Conv2dBackwardFilter(Tensor input, Tensor outputGradient, Tensor weightGradient, Tensor? biasGradient, in Conv2dGeometry geometry);

    /// <summary>output = f(input).</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="input">Input.</param>
    /// <param name="output">Output (may be input).</param>
    void ActivationForward(ActivationKind kind, Tensor input, Tensor output);

    /// <summary>inputGradient = f'(input)·outputGradient.</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="input">The forward input.</param>
    /// <param name="outputGradient">Gradient at the output.</param>
    /// <param name="inputGradient">Gradient at the input (may be outputGradient).</param>
    void ActivationBackward(ActivationKind kind, Tensor input, Tensor outputGradient, Tensor inputGradient);

    /// <summary>destination = a + b.</summary>
    /// <param name="a">First.</param>
    /// <param name="b">Second.</param>
    /// <param name="destination">Output (may alias).</param>
    void Add(Tensor a, Tensor b, Tensor destination);

    /// <summary>destination = a ⊙ b.</summary>
    /// <param name="a">First.</param>
    /// <param name="b">Second.</param>
    /// <param name="destination">Output (may alias).</param>
    void Multiply(Tensor a, Tensor b, Tensor destination);

    /// <summary>output[n, c, :, :] = input[n, c, :, :] · scale[n, c].</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="scale">[N, C].</param>
    /// <param name="output">[N, C, H, W].</param>
    void ScaleChannels(Tensor input, Tensor scale, Tensor output);

    /// <summary>scaleGradient[n, c] = Σ_hw outputGradient·input (overwritten).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="outputGradient">[N, C, H, W].</param>
    /// <param name="scaleGradient">[N, C].</param>
    void ChannelDot(Tensor input, Tensor outputGradient, Tensor scaleGradient);

    /// <summary>Max pooling; argmax receives plane indices of the maxima.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="output">[N, C, OH, OW].</param>
    /// <param name="argmax">One index per output element.</param>
    /// <param name="geometry">The window.</param>
    void MaxPool2dForward(Tensor input, Tensor output, int[] argmax, in Pool2dGeometry geometry);

    /// <summary>Routes output gradients to the argmax positions.</summary>
    /// <param name="outputGradient">[N, C, OH, OW].</param>
    /// <param name="argmax">From the forward.</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    /// <param name="geometry">The window.</param>
    void MaxPool2dBackward(Tensor outputGradient, int[] argmax, Tensor inputGradient, in Pool2dGeometry geometry);

    /// <summary>Average pooling (padding counted).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="output">[N, C, OH, OW].</param>
    /// <param name="geometry">The window.</param>
    void AvgPool2dForward(Tensor input, Tensor output, in Pool2dGeometry geometry);

    /// <summary>Average pooling backward.</summary>
    /// <param name="outputGradient">[N, C, OH, OW].</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    /// <param name="geometry">The window.</param>
    void AvgPool2dBackward(Tensor outputGradient, Tensor inputGradient, in Pool2dGeometry geometry);

    /// <summary>Adaptive average pooling to output's spatial size.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="output">[N, C, OH, OW].</param>
    void AdaptiveAvgPool2dForward(Tensor input, Tensor output);

    /// <summary>Adaptive average pooling backward.</summary>
    /// <param name="outputGradient">[N, C, OH, OW].</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    void AdaptiveAvgPool2dBackward(Tensor outputGradient, Tensor inputGradient);

    /// <summary>Batch norm with batch statistics; updates running statistics.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="gamma">[C].</param>
    /// <param name="beta">[C].</param>
    /// <param name="output">[N, C, H, W].</param>
    /// <param name="savedMean">[C].</param>
    /// <param name="savedInvStd">[C].</param>
    /// <param name="runningMean">[C].</param>
    /// <param name="runningVariance">[C].</param>
    /// <param name="momentum">Running-average weight.</param>
    /// <param name="epsilon">Variance floor.</param>
    void BatchNormForwardTraining(Tensor input, Tensor gamma, Tensor beta, Tensor output, Tensor savedMean, Tensor savedInvStd, Tensor runningMean, Tensor runningVariance, float momentum, float epsilon);

    /// <summary>Batch norm with running statistics.</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="gamma">[C].</param>
    /// <param name="beta">[C].</param>
    /// <param name="runningMean">[C].</param>
    /// <param name="runningVariance">[C].</param>
    /// <param name="output">[N, C, H, W].</param>
    /// <param name="epsilon">Variance floor.</param>
    void BatchNormForwardInference(Tensor input, Tensor gamma, Tensor beta, Tensor runningMean, Tensor runningVariance, Tensor output, float epsilon);

    /// <summary>Batch norm backward (training statistics).</summary>
    /// <param name="input">[N, C, H, W].</param>
    /// <param name="outputGradient">[N, C, H, W].</param>
    /// <param name="gamma">[C].</param>
    /// <param name="savedMean">[C].</param>
    /// <param name="savedInvStd">[C].</param>
    /// <param name="inputGradient">[N, C, H, W].</param>
    /// <param name="gammaGradient">[C], accumulated.</param>
    /// <param name="betaGradient">[C], accumulated.</param>
    void BatchNormBackward(Tensor input, Tensor outputGradient, Tensor gamma, Tensor savedMean, Tensor savedInvStd, Tensor inputGradient, Tensor gammaGradient, Tensor betaGradient);

    /// <summary>Draws a keep mask (0 or 1/(1−p)) and applies it: output = input ⊙ mask.</summary>
    /// <param name="input">Input.</param>
    /// <param name="mask">Receives the mask.</param>
    /// <param name="output">Output.</param>
    /// <param name="dropProbability">p.</param>
    /// <param name="random">The seeded source.</param>
    void DropoutForward(Tensor input, Tensor mask, Tensor output, float dropProbability, RandomSource random);

    /// <summary>Mean softmax cross-entropy of [N, C] logits; writes its gradient.</summary>
    /// <param name="logits">[N, C].</param>
    /// <param name="labels">[N].</param>
    /// <param name="gradient">[N, C].</param>
    /// <returns>The loss.</returns>
    float SoftmaxCrossEntropy(Tensor logits, ReadOnlySpan<int> labels, Tensor gradient);

    /// <summary>Mean squared error; writes its gradient.</summary>
    /// <param name="prediction">Prediction.</param>
    /// <param name="target">Target.</param>
    /// <param name="gradient">Gradient.</param>
    /// <returns>The loss.</returns>
    float MeanSquaredError(Tensor prediction, Tensor target, Tensor gradient);

    /// <summary>Mean binary cross-entropy with logits; writes its gradient.</summary>
    /// <param name="logits">Logits.</param>
    /// <param name="target">Targets in [0, 1].</param>
    /// <param name="gradient">Gradient.</param>
    /// <returns>The loss.</returns>
    float BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor gradient);

    /// <summary>KL(N(μ,σ²)‖N(0,1)) summed over dimensions, mean over samples; writes gradients.</summary>
    /// <param name="mean">[N, D].</param>
    /// <param name="logVariance">[N, D].</param>
    /// <param name="meanGradient">[N, D].</param>
    /// <param name="logVarianceGradient">[N, D].</param>
    /// <returns>The loss.</returns>
    float GaussianKlDivergence(Tensor mean, Tensor logVariance, Tensor meanGradient, Tensor logVarianceGradient);

    /// <summary>One SGD update (see <see cref="OptimizerKernels.SgdStep"/>).</summary>
    /// <param name="parameter">Updated.</param>
    /// <param name="gradient">Gradient.</param>
    /// <param name="velocity">Momentum buffer.</param>
    /// <param name="learningRate">lr.</param>
    /// <param name="momentum">μ.</param>
    /// <param name="weightDecay">L2.</param>
    /// <param name="nesterov">Nesterov.</param>
    void SgdStep(Tensor parameter, Tensor gradient, Tensor velocity, float learningRate, float momentum, float weightDecay, bool nesterov);

    /// <summary>One Adam update (see <see cref="OptimizerKernels.AdamStep"/>).</summary>
    /// <param name="parameter">Updated.</param>
    /// <param name="gradient">Gradient.</param>
    /// <param name="firstMoment">m.</param>
    /// <param name="secondMoment">v.</param>
    /// <param name="stepNumber">1-based step.</param>
    /// <param name="learningRate">lr.</param>
    /// <param name="beta1">β₁.</param>
    /// <param name="beta2">β₂.</param>
    /// <param name="epsilon">ε.</param>
    /// <param name="weightDecay">L2.</param>
    void AdamStep(Tensor parameter, Tensor gradient, Tensor firstMoment, Tensor secondMoment, int stepNumber, float learningRate, float beta1, float beta2, float epsilon, float weightDecay);
}
