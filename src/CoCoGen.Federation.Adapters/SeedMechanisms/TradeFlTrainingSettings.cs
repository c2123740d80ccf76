namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// How TradeFL's global model is trained on Fashion-MNIST for Figs 13–15, shrunk to fit a CPU: organization i
/// holds round(<see cref="ImagesPerSample"/>·|S_i|) images, <see cref="HomeFraction"/> of them from its own block of
/// classes, and contributes the first round(d_i·that) of them; every round each contributing organization trains
/// <see cref="LocalEpochs"/> passes over its contribution from the global model, and the server averages the local
/// models weighted by contributed images (Eq. 3).
/// </summary>
/// <param name="ImagesPerSample">Images per unit of |S_i| (Table II's |S_i| ∈ [1000, 2000]; 0.1 gives 100–200 images).</param>
/// <param name="HomeFraction">Share of an organization's images from its own classes.</param>
/// <param name="Rounds">FedAvg rounds.</param>
/// <param name="LocalEpochs">Passes over its contribution per organization and round.</param>
/// <param name="BatchSize">Images per SGD step.</param>
/// <param name="LearningRate">Plain SGD learning rate.</param>
/// <param name="TestImages">Images of the Fashion-MNIST test split the global model is judged on (all classes).</param>
/// <param name="Seed">Seed of the data draw, the initial weights and every sample order.</param>
public sealed record TradeFlTrainingSettings(
    double ImagesPerSample = 0.1,
    double HomeFraction = 0.8,
    int Rounds = 10,
    int LocalEpochs = 1,
    int BatchSize = 16,
    float LearningRate = 0.05f,
    int TestImages = 2000,
    ulong Seed = 1)
{
    /// <summary>Throws naming the first field out of range.</summary>
    public void Validate()
    {
        if (!(ImagesPerSample > 0) || double.IsInfinity(ImagesPerSample))
        {
            throw new ArgumentException($"imagesPerSample: must be positive and finite, got {ImagesPerSample}.");
        }

        if (!(HomeFraction is >= 0 and <= 1))
        {
            throw new ArgumentException($"homeFraction: must lie in [0, 1], got {HomeFraction}.");
        }

        if (Rounds < 1 || LocalEpochs < 1 || BatchSize < 1 || TestImages < 1)
        {
            throw new ArgumentException($"rounds, localEpochs, batchSize, testImages: must be at least 1, got {Rounds}, {LocalEpochs}, {BatchSize}, {TestImages}.");
        }

        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"learningRate: must be positive and finite, got {LearningRate}.");
        }
    }
}
