using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>A one-input elementwise function at every vector width (TensorPrimitives-style operator).</summary>
internal interface IUnaryOperator
{
    static abstract float Invoke(float x);

    static abstract Vector128<float> Invoke(Vector128<float> x);

    static abstract Vector256<float> Invoke(Vector256<float> x);

    static abstract Vector512<float> Invoke(Vector512<float> x);
}

/// <summary>A two-input elementwise function at every vector width.</summary>
internal interface IBinaryOperator
{
    static abstract float Invoke(float x, float y);

    static abstract Vector128<float> Invoke(Vector128<float> x, Vector128<float> y);

    static abstract Vector256<float> Invoke(Vector256<float> x, Vector256<float> y);

    static abstract Vector512<float> Invoke(Vector512<float> x, Vector512<float> y);
}
