namespace CoCoGen.Learning.Optimizers;

/// <summary>lr = min + (base − min)·(1 + cos(π·epoch/totalEpochs))/2, held at min after totalEpochs (cosine annealing).</summary>
public sealed class CosineSchedule : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="baseLearningRate">Learning rate at epoch 0.</param>
    /// <param name="totalEpochs">Epochs to reach the minimum.</param>
    /// <param name="minimumLearningRate">Final learning rate (≥ 0).</param>
    public CosineSchedule(float baseLearningRate, int totalEpochs, float minimumLearningRate = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseLearningRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalEpochs);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumLearningRate);
        BaseLearningRate = baseLearningRate;
        TotalEpochs = totalEpochs;
        MinimumLearningRate = minimumLearningRate;
    }

    /// <summary>Learning rate at epoch 0.</summary>
    public float BaseLearningRate { get; }

    /// <summary>Epochs to reach the minimum.</summary>
    public int TotalEpochs { get; }

    /// <summary>Final learning rate.</summary>
    public float MinimumLearningRate { get; }

    /// <inheritdoc />
    public float LearningRateAt(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        double progress = Math.Min(epoch, TotalEpochs) / (double)TotalEpochs;
        return (float)(MinimumLearningRate + ((BaseLearningRate - MinimumLearningRate) * (1 + Math.Cos(Math.PI * progress)) / 2));
    }
}
