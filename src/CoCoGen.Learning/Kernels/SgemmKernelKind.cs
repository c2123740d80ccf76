namespace CoCoGen.Learning.Kernels;

/// <summary>The instruction set an SGEMM micro-kernel uses.</summary>
public enum SgemmKernelKind
{
    /// <summary>Portable scalar code.</summary>
    Scalar,

    /// <summary>256-bit vectors with FMA (AVX2).</summary>
    Vector256,

    /// <summary>512-bit vectors with FMA (AVX-512F).</summary>
    Vector512,
}
