namespace CoCoGen.Learning.Kernels;

/// <summary>
/// The shape of a 2-D convolution: input [Batch, InChannels, InHeight, InWidth], weight
/// [OutChannels, InChannels/Groups, KernelHeight, KernelWidth], output [Batch, OutChannels, OutHeight, OutWidth].
/// </summary>
/// <param name="Batch">Samples.</param>
/// <param name="InChannels">Input channels.</param>
/// <param name="InHeight">Input rows.</param>
/// <param name="InWidth">Input columns.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="KernelHeight">Kernel rows.</param>
/// <param name="KernelWidth">Kernel columns.</param>
/// <param name="Stride">Step in both directions.</param>
/// <param name="Padding">Zero padding on every side.</param>
/// <param name="Groups">Channel groups (InChannels for depthwise).</param>
public readonly record struct Conv2dGeometry(
    int Batch, int InChannels, int InHeight, int InWidth, int OutChannels,
    int KernelHeight, int KernelWidth, int Stride, int Padding, int Groups)
{
    /// <summary>Output rows.</summary>
    public int OutHeight => ((InHeight + (2 * Padding) - KernelHeight) / Stride) + 1;

    /// <summary>Output columns.</summary>
    public int OutWidth => ((InWidth + (2 * Padding) - KernelWidth) / Stride) + 1;

    /// <summary>Input channels per group.</summary>
    public int GroupInChannels => InChannels / Groups;

    /// <summary>Output channels per group.</summary>
    public int GroupOutChannels => OutChannels / Groups;

    /// <summary>Rows of the im2col matrix of one group: GroupInChannels · KernelHeight · KernelWidth.</summary>
    public int PatchSize => GroupInChannels * KernelHeight * KernelWidth;

    /// <summary>True for a depthwise convolution with one filter per channel.</summary>
    public bool IsDepthwise => Groups == InChannels && Groups == OutChannels && Groups > 1;

    /// <summary>True for a 1×1, stride-1, unpadded convolution, which is a plain matrix product per sample.</summary>
    public bool IsPointwise => KernelHeight == 1 && KernelWidth == 1 && Stride == 1 && Padding == 0;

    /// <summary>Checks every extent and the divisibility by groups; throws naming the offending field.</summary>
    public void Validate()
    {
        Positive(Batch, nameof(Batch));
        Positive(InChannels, nameof(InChannels));
        Positive(InHeight, nameof(InHeight));
        Positive(InWidth, nameof(InWidth));
        Positive(OutChannels, nameof(OutChannels));
        Positive(KernelHeight, nameof(KernelHeight));
        Positive(KernelWidth, nameof(KernelWidth));
        Positive(Stride, nameof(Stride));
        Positive(Groups, nameof(Groups));
        if (Padding < 0)
        {
            throw new ArgumentException($"Convolution padding is {Padding}, must be ≥ 0.", nameof(Padding));
        }

        if (InChannels % Groups != 0 || OutChannels % Groups != 0)
        {
            throw new ArgumentException($"Convolution channels {InChannels}→{OutChannels} are not divisible by groups {Groups}.", nameof(Groups));
        }

        if (OutHeight <= 0 || OutWidth <= 0 || InHeight + (2 * Padding) < KernelHeight || InWidth + (2 * Padding) < KernelWidth)
        {
            throw new ArgumentException($"Convolution kernel {KernelHeight}×{KernelWidth} does not fit input {InHeight}×{InWidth} with padding {Padding}.", nameof(KernelHeight));
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"Convolution {name} is {value}, must be > 0.", name);
        }
    }
}
