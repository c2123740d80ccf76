namespace CoCoGen.Learning.Training;

/// <summary>Mean loss and accuracy over the samples of one pass.</summary>
/// <param name="MeanLoss">Sample-weighted mean loss.</param>
/// <param name="Accuracy">Fraction of samples whose arg-max logit is the label.</param>
/// <param name="Samples">Samples seen.</param>
public readonly record struct EpochResult(double MeanLoss, double Accuracy, long Samples);
