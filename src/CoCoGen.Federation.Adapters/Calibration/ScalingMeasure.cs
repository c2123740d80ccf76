namespace CoCoGen.Federation.Adapters.Calibration;

/// <summary>Which loss a point of paper Fig. 3 records.</summary>
public enum ScalingMeasure
{
    /// <summary>The paper's: the trained local model's loss on its own training data D_i + g.</summary>
    Training,

    /// <summary>The trained local model's loss on the common test set (what the balanced task sees).</summary>
    Test,
}
