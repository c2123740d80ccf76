namespace CoCoGen.Learning.Kernels;

/// <summary>The shape of a 2-D pooling window over [Batch, Channels, InHeight, InWidth] (floor mode).</summary>
/// <param name="Batch">Samples.</param>
/// <param name="Channels">Channels.</param>
/// <param name="InHeight">Input rows.</param>
/// <param name="InWidth">Input columns.</param>
/// <param name="Kernel">Window size in both directions.</param>
/// <param name="Stride">Step in both directions.</param>
/// <param name="Padding">Implicit padding on every side.</param>
public readonly record struct Pool2dGeometry(int Batch, int Channels, int InHeight, int InWidth, int Kernel, int Stride, int Padding)
{
    /// <summary>Output rows.</summary>
    public int OutHeight => ((InHeight + (2 * Padding) - Kernel) / Stride) + 1;

    /// <summary>Output columns.</summary>
    public int OutWidth => ((InWidth + (2 * Padding) - Kernel) / Stride) + 1;

    /// <summary>Checks the extents; throws naming the offending field.</summary>
    public void Validate()
    {
        if (Kernel <= 0 || Stride <= 0 || Padding < 0 || Padding * 2 > Kernel)
        {
            throw new ArgumentException($"Pooling kernel {Kernel}, stride {Stride}, padding {Padding} are invalid (padding at most half the kernel).", nameof(Kernel));
        }

        if (Batch <= 0 || Channels <= 0 || OutHeight <= 0 || OutWidth <= 0)
        {
            throw new ArgumentException($"Pooling window {Kernel} does not fit input [{Batch}, {Channels}, {InHeight}, {InWidth}].", nameof(InHeight));
        }
    }
}
