using System.Runtime.Intrinsics;

namespace CoCoGen.Learning.Kernels;

/// <summary>f(x) = max(x, 0).</summary>
internal readonly struct ReluOperator : IUnaryOperator
{
    public static float Invoke(float x) => MathF.Max(x, 0f);

    public static Vector128<float> Invoke(Vector128<float> x) => Vector128.Max(x, Vector128<float>.Zero);

    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);

    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);
}

/// <summary>f(x) = min(max(x, 0), 6).</summary>
internal readonly struct Relu6Operator : IUnaryOperator
{
    public static float Invoke(float x) => MathF.Min(MathF.Max(x, 0f), 6f);

    public static Vector128<float> Invoke(Vector128<float> x) => Vector128.Min(Vector128.Max(x, Vector128<float>.Zero), Vector128.Create(6f));

    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Min(Vector256.Max(x, Vector256<float>.Zero), Vector256.Create(6f));

    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Min(Vector512.Max(x, Vector512<float>.Zero), Vector512.Create(6f));
}

/// <summary>f(x) = min(max(x + 3, 0), 6) / 6.</summary>
internal readonly struct HardsigmoidOperator : IUnaryOperator
{
    public static float Invoke(float x) => MathF.Min(MathF.Max(x + 3f, 0f), 6f) * (1f / 6f);

    public static Vector128<float> Invoke(Vector128<float> x) => Vector128.Min(Vector128.Max(x + Vector128.Create(3f), Vector128<float>.Zero), Vector128.Create(6f)) * Vector128.Create(1f / 6f);

    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.Min(Vector256.Max(x + Vector256.Create(3f), Vector256<float>.Zero), Vector256.Create(6f)) * Vector256.Create(1f / 6f);

    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.Min(Vector512.Max(x + Vector512.Create(3f), Vector512<float>.Zero), Vector512.Create(6f)) * Vector512.Create(1f / 6f);
}

/// <summary>f(x) = x · min(max(x + 3, 0), 6) / 6.</summary>
internal readonly struct HardswishOperator : IUnaryOperator
{
    public static float Invoke(float x) => x * MathF.Min(MathF.Max(x + 3f, 0f), 6f) * (1f / 6f);

    public static Vector128<float> Invoke(Vector128<float> x) => x * Vector128.Min(Vector128.Max(x + Vector128.Create(3f), Vector128<float>.Zero), Vector128.Create(6f)) * Vector128.Create(1f / 6f);

    public static Vector256<float> Invoke(Vector256<float> x) => x * Vector256.Min(Vector256.Max(x + Vector256.Create(3f), Vector256<float>.Zero), Vector256.Create(6f)) * Vector256.Create(1f / 6f);

    public static Vector512<float> Invoke(Vector512<float> x) => x * Vector512.Min(Vector512.Max(x + Vector512.Create(3f), Vector512<float>.Zero), Vector512.Create(6f)) * Vector512.Create(1f / 6f);
}

/// <summary>f(x) = 1 / (1 + exp(-x)).</summary>
internal readonly struct SigmoidOperator : IUnaryOperator
{
    public static float Invoke(float x) => 1f / (1f + MathF.Exp(-x));

    public static Vector128<float> Invoke(Vector128<float> x) => Vector128<float>.One / (Vector128<float>.One + Vector128.Exp(-x));

    public static Vector256<float> Invoke(Vector256<float> x) => Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-x));

    public static Vector512<float> Invoke(Vector512<float> x) => Vector512<float>.One / (Vector512<float>.One + Vector512.Exp(-x));
}

/// <summary>Activation backward: dy where x > 0, else 0 (x is the input, y the output gradient).</summary>
internal readonly struct ReluGradientOperator : IBinaryOperator
{
    public static float Invoke(float x, float y) => x > 0f ? y : 0f;

    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), y, Vector128<float>.Zero);

    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), y, Vector256<float>.Zero);

    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), y, Vector512<float>.Zero);
}

/// <summary>Activation backward: dy where 0 &lt; x &lt; 6, else 0.</summary>
internal readonly struct Relu6GradientOperator : IBinaryOperator
{
    public static float Invoke(float x, float y) => x > 0f && x < 6f ? y : 0f;

    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero) & Vector128.LessThan(x, Vector128.Create(6f)), y, Vector128<float>.Zero);

    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero) & Vector256.LessThan(x, Vector256.Create(6f)), y, Vector256<float>.Zero);

    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero) & Vector512.LessThan(x, Vector512.Create(6f)), y, Vector512<float>.Zero);
}

/// <summary>Activation backward: dy / 6 where -3 &lt; x &lt; 3, else 0.</summary>
internal readonly struct HardsigmoidGradientOperator : IBinaryOperator
{
    public static float Invoke(float x, float y) => x > -3f && x < 3f ? y * (1f / 6f) : 0f;

    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(-3f)) & Vector128.LessThan(x, Vector128.Create(3f)), y * Vector128.Create(1f / 6f), Vector128<float>.Zero);

    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(-3f)) & Vector256.LessThan(x, Vector256.Create(3f)), y * Vector256.Create(1f / 6f), Vector256<float>.Zero);

    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(-3f)) & Vector512.LessThan(x, Vector512.Create(3f)), y * Vector512.Create(1f / 6f), Vector512<float>.Zero);
}

/// <summary>Activation backward: 0 where x &lt; -3, dy·(x/3 + 1/2) where x ≤ 3, else dy (PyTorch's convention at the kinks).</summary>
internal readonly struct HardswishGradientOperator : IBinaryOperator
{
    public static float Invoke(float x, float y) => x < -3f ? 0f : x <= 3f ? y * ((x * (1f / 3f)) + 0.5f) : y;

    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> y) => Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(-3f)), Vector128<float>.Zero, Vector128.ConditionalSelect(Vector128.LessThanOrEqual(x, Vector128.Create(3f)), y * ((x * Vector128.Create(1f / 3f)) + Vector128.Create(0.5f)), y));

    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y) => Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(-3f)), Vector256<float>.Zero, Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, Vector256.Create(3f)), y * ((x * Vector256.Create(1f / 3f)) + Vector256.Create(0.5f)), y));

    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y) => Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(-3f)), Vector512<float>.Zero, Vector512.ConditionalSelect(Vector512.LessThanOrEqual(x, Vector512.Create(3f)), y * ((x * Vector512.Create(1f / 3f)) + Vector512.Create(0.5f)), y));
}

/// <summary>Activation backward: dy · s · (1 - s) with s = sigmoid(x).</summary>
internal readonly struct SigmoidGradientOperator : IBinaryOperator
{
    public static float Invoke(float x, float y)
    {
        float s = 1f / (1f + MathF.Exp(-x));
        return y * s * (1f - s);
    }

    public static Vector128<float> Invoke(Vector128<float> x, Vector128<float> y)
    {
        Vector128<float> s = SigmoidOperator.Invoke(x);
        return y * s * (Vector128<float>.One - s);
    }

    public static Vector256<float> Invoke(Vector256<float> x, Vector256<float> y)
    {
        Vector256<float> s = SigmoidOperator.Invoke(x);
        return y * s * (Vector256<float>.One - s);
    }

    public static Vector512<float> Invoke(Vector512<float> x, Vector512<float> y)
    {
        Vector512<float> s = SigmoidOperator.Invoke(x);
        return y * s * (Vector512<float>.One - s);
    }
}
