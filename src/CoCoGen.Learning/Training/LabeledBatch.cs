using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Training;

/// <summary>A mini-batch of images [N, C, H, W] with their N class labels.</summary>
/// <param name="Images">The images.</param>
/// <param name="Labels">The labels, one per image.</param>
public sealed record LabeledBatch(Tensor Images, int[] Labels)
{
    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;
}
