namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// The Fashion-MNIST federation FedBR-Shap trains on: <see cref="Agents"/> agents, agent i holding
/// <see cref="TrainPerAgent"/> training and <see cref="TestPerAgent"/> test images, <see cref="HomeFraction"/> of
/// each from its own block of classes (the ten classes cut into Agents contiguous blocks), the rest from the others.
/// s_i counts batches of <see cref="BatchSize"/> images, as in the paper.
/// </summary>
/// <param name="Agents">n: 1 to 10 when every agent has its own block of classes, up to 64 when agents come in groups.</param>
/// <param name="TrainPerAgent">Training images per agent.</param>
/// <param name="TestPerAgent">Test images per agent (its a_i).</param>
/// <param name="HomeFraction">Share of an agent's images from its own classes.</param>
/// <param name="BatchSize">B, images per batch.</param>
/// <param name="LearningRate">Local SGD learning rate (paper: 0.1).</param>
/// <param name="Seed">Seed of the data draw, the initial model and every sample order.</param>
public sealed record FederationTrainingSettings(
    int Agents = 3,
    int TrainPerAgent = 600,
    int TestPerAgent = 200,
    double HomeFraction = 0.8,
    int BatchSize = 32,
    float LearningRate = 0.1f,
    ulong Seed = 1)
{
    /// <summary>Throws naming the first field out of range.</summary>
    /// <param name="grouped">Whether agents share blocks of classes by group (then more than ten agents are allowed).</param>
    public void Validate(bool grouped = false)
    {
        int most = grouped ? 64 : 10;
        if (Agents < 1 || Agents > most)
        {
            throw new ArgumentException($"agents: must be 1 to {most}{(grouped ? string.Empty : " (one block of classes each)")}, got {Agents}.");
        }

        if (TrainPerAgent < 1 || TestPerAgent < 1)
        {
            throw new ArgumentException($"trainPerAgent, testPerAgent: must be at least 1, got {TrainPerAgent} and {TestPerAgent}.");
        }

        if (!(HomeFraction is >= 0 and <= 1))
        {
            throw new ArgumentException($"homeFraction: must lie in [0, 1], got {HomeFraction}.");
        }

        if (BatchSize < 1 || !(LearningRate > 0) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"batchSize, learningRate: must be positive, got {BatchSize} and {LearningRate}.");
        }
    }
}
