using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using CoCoGen.Learning.Data;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Generative;

/// <summary>
/// A conditional variational autoencoder with a transposed-convolution decoder (the paper's "variational
/// transposed convolutional" generator). The class label y conditions both halves as one-hot planes or
/// channels:
/// <code>
/// encoder  [x ‖ onehot(y) planes]  conv4×4/2 → ReLU → conv4×4/2 → ReLU → flatten → linear → ReLU → linear → [μ ‖ log σ²]
/// sample   z = μ + σ ⊙ ε,  ε ~ N(0, I)
/// decoder  [z ‖ onehot(y)] as 1×1 map  convT(S/4) → ReLU → convT4×4/2 → ReLU → convT4×4/2 → pixel logits
/// loss     Σ BCE-with-logits(logits, x) + KL(N(μ, σ²) ‖ N(0, I)), both averaged over the batch
/// </code>
/// Images have pixels in [0, 1]; the side must be divisible by 4 (28 or 32).
/// </summary>
public sealed class ConditionalVae
{
    private readonly BinaryCrossEntropyWithLogitsLoss _reconstructionLoss = new();
    private readonly GaussianKlDivergenceLoss _klLoss = new();
    private Tensor? _encoderInput;
    private Tensor? _mean;
    private Tensor? _logVariance;
    private Tensor? _noise;
    private Tensor? _decoderInput;
    private Tensor? _statisticsGradient;

    /// <summary>Builds the network with freshly initialised weights.</summary>
    /// <param name="channels">Image channels (1 for Fashion-MNIST).</param>
    /// <param name="imageSize">Image side, divisible by 4.</param>
    /// <param name="classes">Number of classes conditioned on.</param>
    /// <param name="latentSize">Dimension of z.</param>
    /// <param name="random">Seeded source for the weights.</param>
    /// <param name="hiddenSize">Width of the encoder's dense layer.</param>
    public ConditionalVae(int channels, int imageSize, int classes, int latentSize, RandomSource random, int hiddenSize = 256)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        if (imageSize < 8 || imageSize % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(imageSize), imageSize, "The conditional VAE halves the image twice: the side must be a multiple of 4, at least 8.");
        }

        Channels = channels;
        ImageSize = imageSize;
        Classes = classes;
        LatentSize = latentSize;
        int quarter = imageSize / 4;

        Encoder = new Sequential(
            new Conv2d(channels + classes, 32, 4, random, stride: 2, padding: 1),
            new Relu(),
            new Conv2d(32, 64, 4, random, stride: 2, padding: 1),
            new Relu(),
            new Flatten(),
            new Linear(64 * quarter * quarter, hiddenSize, random),
            new Relu(),
            new Linear(hiddenSize, 2 * latentSize, random));
        // The encoder's input is data, never trained: skip its gradient.
        Encoder.RequiresInputGradient = false;

        Decoder = new Sequential(
            new ConvTranspose2d(latentSize + classes, 64, quarter, random),
            new Relu(),
            new ConvTranspose2d(64, 32, 4, random, stride: 2, padding: 1),
            new Relu(),
            new ConvTranspose2d(32, channels, 4, random, stride: 2, padding: 1));
    }

    /// <summary>Image channels.</summary>
    public int Channels { get; }

    /// <summary>Image side.</summary>
    public int ImageSize { get; }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Dimension of the latent code.</summary>
    public int LatentSize { get; }

    /// <summary>[N, C + classes, S, S] → [N, 2·latent]: μ in the first half of each row, log σ² in the second.</summary>
    public Sequential Encoder { get; }

    /// <summary>[N, latent + classes, 1, 1] → [N, C, S, S] pixel logits.</summary>
    public Sequential Decoder { get; }

    /// <summary>All trainable parameters (encoder, then decoder).</summary>
    public IEnumerable<Parameter> Parameters() => Encoder.Parameters().Concat(Decoder.Parameters());

    /// <summary>Every weight by dotted name ("encoder.0.weight", "decoder.4.bias"), e.g. for safetensors.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> StateTensors() => Encoder.StateTensors("encoder.").Concat(Decoder.StateTensors("decoder."));

    /// <summary>
    /// One training pass over a batch: encodes, reparameterises with fresh noise, decodes, and accumulates the
    /// gradient of reconstruction + KL into every parameter (call the optimizer's ZeroGradients first).
    /// </summary>
    /// <param name="images">[N, C, S, S] pixels in [0, 1].</param>
    /// <param name="labels">N class labels.</param>
    /// <param name="noise">Seeded source of ε.</param>
    public VaeLoss ForwardBackward(Tensor images, ReadOnlySpan<int> labels, RandomSource noise)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(noise);
        int batch = CheckImages(images, labels);
        int latent = LatentSize;

        Tensor statistics = Encoder.Forward(ConditionImages(images, labels));
        var mean = Tensor.Reuse(ref _mean, batch, latent);
        var logVariance = Tensor.Reuse(ref _logVariance, batch, latent);
        var eps = Tensor.Reuse(ref _noise, batch, latent);
        noise.FillNormal(eps.Span, 0f, 1f);
        var decoderInput = Tensor.Reuse(ref _decoderInput, batch, latent + Classes, 1, 1);
        decoderInput.Clear();
        for (int n = 0; n < batch; n++)
        {
            var row = statistics.Span.Slice(n * 2 * latent, 2 * latent);
            var code = decoderInput.Span.Slice(n * (latent + Classes), latent + Classes);
            for (int j = 0; j < latent; j++)
            {
                float mu = row[j], logVar = row[latent + j];
                mean[n, j] = mu;
                logVariance[n, j] = logVar;
                code[j] = mu + MathF.Exp(0.5f * logVar) * eps[n, j];
            }

            code[latent + labels[n]] = 1f;
        }

        Tensor logits = Decoder.Forward(decoderInput);
        // The loss kernel averages over every pixel; the bound sums over pixels and averages over images.
        int pixels = images.Length / batch;
        float reconstruction = _reconstructionLoss.Forward(logits, images) * pixels;
        float kl = _klLoss.Forward(mean, logVariance);

        Tensor logitsGradient = _reconstructionLoss.Backward();
        TensorPrimitives.Multiply(logitsGradient.Span, (float)pixels, logitsGradient.Span);
        Tensor codeGradient = Decoder.Backward(logitsGradient);
        (Tensor meanGradient, Tensor logVarianceGradient) = _klLoss.Backward();
        var statisticsGradient = Tensor.Reuse(ref _statisticsGradient, batch, 2 * latent);
        for (int n = 0; n < batch; n++)
        {
            var dz = codeGradient.Span.Slice(n * (latent + Classes), latent);
            var row = statisticsGradient.Span.Slice(n * 2 * latent, 2 * latent);
            for (int j = 0; j < latent; j++)
            {
                // z = μ + exp(½ log σ²)·ε:  ∂z/∂μ = 1,  ∂z/∂log σ² = ½·exp(½ log σ²)·ε.
                row[j] = dz[j] + meanGradient[n, j];
                row[latent + j] = dz[j] * 0.5f * MathF.Exp(0.5f * logVariance[n, j]) * eps[n, j] + logVarianceGradient[n, j];
            }
        }

        Encoder.Backward(statisticsGradient);
        return new VaeLoss(reconstruction, kl);
    }

    /// <summary>Generates one image per label from z ~ N(0, I): sigmoid of the decoded logits, pixels in [0, 1].</summary>
    /// <param name="labels">The class of each image to generate.</param>
    /// <param name="noise">Seeded source of z.</param>
    /// <returns>[N, C, S, S], a new tensor.</returns>
    public Tensor Sample(ReadOnlySpan<int> labels, RandomSource noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        if (labels.IsEmpty)
        {
            throw new ArgumentException("At least one label is needed to sample.", nameof(labels));
        }

        int latent = LatentSize;
        var code = new Tensor(labels.Length, latent + Classes, 1, 1);
        for (int n = 0; n < labels.Length; n++)
        {
            CheckLabel(labels[n], n);
            var row = code.Span.Slice(n * (latent + Classes), latent + Classes);
            noise.FillNormal(row[..latent], 0f, 1f);
            row[latent + labels[n]] = 1f;
        }

        Tensor images = Decoder.Forward(code).Clone();
        TensorPrimitives.Sigmoid(images.Span, images.Span);
        return images;
    }

    /// <summary>
    /// Generates a synthetic dataset with <paramref name="countsPerClass"/>[c] samples of class c (in class
    /// order), ready to join an organization's real data in a <see cref="MixedDataset"/>.
    /// </summary>
    /// <param name="countsPerClass">How many samples of each class to generate.</param>
    /// <param name="noise">Seeded source of the latent codes.</param>
    /// <param name="batchSize">Samples decoded at once.</param>
    public FloatImageDataset GenerateDataset(IReadOnlyList<int> countsPerClass, RandomSource noise, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(countsPerClass);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (countsPerClass.Count != Classes)
        {
            throw new ArgumentException($"{countsPerClass.Count} class counts given; the model has {Classes} classes.", nameof(countsPerClass));
        }

        var labels = new List<int>();
        for (int c = 0; c < Classes; c++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(countsPerClass[c], nameof(countsPerClass));
            labels.AddRange(Enumerable.Repeat(c, countsPerClass[c]));
        }

        int imageFloats = Channels * ImageSize * ImageSize;
        var pixels = new float[(long)labels.Count * imageFloats];
        for (int start = 0; start < labels.Count; start += batchSize)
        {
            int count = Math.Min(batchSize, labels.Count - start);
            Sample(labels.GetRange(start, count).ToArray(), noise).Span.CopyTo(pixels.AsSpan(start * imageFloats, count * imageFloats));
        }

        return new FloatImageDataset(pixels, [.. labels], Channels, ImageSize, ImageSize, Classes);
    }

    /// <summary>Builds the encoder input: the image channels followed by one all-ones plane for the label.</summary>
    private Tensor ConditionImages(Tensor images, ReadOnlySpan<int> labels)
    {
        int batch = images.Dim(0);
        int plane = ImageSize * ImageSize;
        int imageFloats = Channels * plane;
        var input = Tensor.Reuse(ref _encoderInput, batch, Channels + Classes, ImageSize, ImageSize);
        input.Clear();
        for (int n = 0; n < batch; n++)
        {
            var destination = input.Span.Slice(n * (Channels + Classes) * plane, (Channels + Classes) * plane);
            images.Span.Slice(n * imageFloats, imageFloats).CopyTo(destination);
            destination.Slice(imageFloats + labels[n] * plane, plane).Fill(1f);
        }

        return input;
    }

    private int CheckImages(Tensor images, ReadOnlySpan<int> labels)
    {
        if (images.Rank != 4 || images.Dim(1) != Channels || images.Dim(2) != ImageSize || images.Dim(3) != ImageSize)
        {
            throw new ArgumentException($"The conditional VAE expects images [N, {Channels}, {ImageSize}, {ImageSize}], got {images.ShapeText}.", nameof(images));
        }

        if (labels.Length != images.Dim(0))
        {
            throw new ArgumentException($"{labels.Length} labels given for {images.Dim(0)} images.", nameof(labels));
        }

        for (int n = 0; n < labels.Length; n++)
        {
            CheckLabel(labels[n], n);
        }

        return images.Dim(0);
    }

    private void CheckLabel(int label, int index)
    {
        if ((uint)label >= (uint)Classes)
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Label {index} must lie in [0, {Classes}).");
        }
    }
}
