namespace CoCoGen.Learning.Optimizers;

/// <summary>The learning rate as a function of the (0-based) epoch.</summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate for <paramref name="epoch"/>.</summary>
    /// <param name="epoch">0-based epoch.</param>
    float LearningRateAt(int epoch);
}
