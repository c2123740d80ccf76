using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Losses;

/// <summary>Shape checks shared by the losses.</summary>
internal static class LossShapes
{
    public static void RequireSame(Tensor first, Tensor second, string loss)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!first.HasShape(second.Shape) || first.Length == 0)
        {
            throw new ArgumentException($"{loss} needs two non-empty tensors of one shape, got {first.ShapeText} and {second.ShapeText}.", nameof(second));
        }
    }
}
