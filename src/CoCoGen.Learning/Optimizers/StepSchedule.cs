namespace CoCoGen.Learning.Optimizers;

/// <summary>lr = base · γ^⌊epoch / stepSize⌋ (PyTorch's StepLR).</summary>
public sealed class StepSchedule : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="baseLearningRate">Learning rate at epoch 0.</param>
    /// <param name="stepSize">Epochs between decays.</param>
    /// <param name="gamma">Decay factor.</param>
    public StepSchedule(float baseLearningRate, int stepSize, float gamma = 0.1f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseLearningRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gamma);
        BaseLearningRate = baseLearningRate;
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Learning rate at epoch 0.</summary>
    public float BaseLearningRate { get; }

    /// <summary>Epochs between decays.</summary>
    public int StepSize { get; }

    /// <summary>Decay factor.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public float LearningRateAt(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        return BaseLearningRate * MathF.Pow(Gamma, epoch / StepSize);
    }
}
