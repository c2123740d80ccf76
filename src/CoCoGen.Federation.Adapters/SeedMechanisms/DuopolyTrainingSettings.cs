namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// The two-firm Fashion-MNIST setup of the defection-free experiments (Section 5 of the paper, on MNIST there):
/// the low-quality firm holds <see cref="SamplesPerFirm"/> training images, <see cref="HomeFraction"/> of them from
/// classes 0–4, the high-quality firm as many with that fraction from classes 5–9; quality is accuracy on a
/// class-balanced target set drawn from the test split. Before collaborating, the firms train alone for
/// <see cref="InitialEpochsLow"/> and <see cref="InitialEpochsHigh"/> epochs (the paper: 10 for the high firm).
/// </summary>
/// <param name="SamplesPerFirm">|D_l,train| = |D_h,train| (paper: 1000).</param>
/// <param name="HomeFraction">Share of a firm's samples from its own half of the classes (paper: F̂(5) = 0.8 / 0.2).</param>
/// <param name="TargetSamples">Size of D_target, half from each half of the classes.</param>
/// <param name="BatchSize">SGD batch size.</param>
/// <param name="LearningRate">SGD learning rate (paper: 0.01).</param>
/// <param name="InitialEpochsLow">Solo epochs of the low firm before collaboration.</param>
/// <param name="InitialEpochsHigh">Solo epochs of the high firm before collaboration (paper: 10).</param>
/// <param name="StepBatches">Batches of the joint objective per update step.</param>
/// <param name="ReferenceEpochs">Epochs on the joint data of the run that estimates q_h*.</param>
/// <param name="MaxInnerSteps">Most low-firm update steps per round (the while loop of steps 9–11).</param>
/// <param name="BisectionSteps">Halvings of the step when an update overshoots its cap.</param>
/// <param name="Seed">Seed of the data draw, the initial weights and every sample order.</param>
public sealed record DuopolyTrainingSettings(
    int SamplesPerFirm = 1000,
    double HomeFraction = 0.8,
    int TargetSamples = 2000,
    int BatchSize = 32,
    float LearningRate = 0.01f,
    int InitialEpochsLow = 1,
    int InitialEpochsHigh = 10,
    int StepBatches = 8,
    int ReferenceEpochs = 10,
    int MaxInnerSteps = 4,
    int BisectionSteps = 6,
    ulong Seed = 1)
{
    /// <summary>Throws naming the first field out of range.</summary>
    public void Validate()
    {
        Require(SamplesPerFirm >= 1, nameof(SamplesPerFirm), SamplesPerFirm, "at least 1");
        Require(HomeFraction is >= 0 and <= 1, nameof(HomeFraction), HomeFraction, "in [0, 1]");
        Require(TargetSamples >= 2, nameof(TargetSamples), TargetSamples, "at least 2");
        Require(BatchSize >= 1, nameof(BatchSize), BatchSize, "at least 1");
        Require(LearningRate > 0 && float.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "positive and finite");
        Require(InitialEpochsLow >= 0, nameof(InitialEpochsLow), InitialEpochsLow, "non-negative");
        Require(InitialEpochsHigh >= 0, nameof(InitialEpochsHigh), InitialEpochsHigh, "non-negative");
        Require(StepBatches >= 1, nameof(StepBatches), StepBatches, "at least 1");
        Require(ReferenceEpochs >= 0, nameof(ReferenceEpochs), ReferenceEpochs, "non-negative");
        Require(MaxInnerSteps >= 1, nameof(MaxInnerSteps), MaxInnerSteps, "at least 1");
        Require(BisectionSteps >= 0, nameof(BisectionSteps), BisectionSteps, "non-negative");
    }

    private static void Require(bool ok, string field, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"{char.ToLowerInvariant(field[0])}{field[1..]}: must be {rule}, got {value}.");
        }
    }
}
