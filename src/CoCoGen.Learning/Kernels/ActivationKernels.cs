namespace CoCoGen.Learning.Kernels;

/// <summary>Span kernels for the pointwise activations, forward and backward.</summary>
public static class ActivationKernels
{
    /// <summary>destination[i] = f(x[i]).</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="x">The input.</param>
    /// <param name="destination">The output; may be <paramref name="x"/> itself.</param>
    public static void Forward(ActivationKind kind, ReadOnlySpan<float> x, Span<float> destination)
    {
        RequireSameLength(x.Length, destination.Length, nameof(destination));
        switch (kind)
        {
            case ActivationKind.Relu: ElementwiseLoop.Apply<ReluOperator>(x, destination); break;
            case ActivationKind.Relu6: ElementwiseLoop.Apply<Relu6Operator>(x, destination); break;
            case ActivationKind.Hardswish: ElementwiseLoop.Apply<HardswishOperator>(x, destination); break;
            case ActivationKind.Hardsigmoid: ElementwiseLoop.Apply<HardsigmoidOperator>(x, destination); break;
            case ActivationKind.Sigmoid: ElementwiseLoop.Apply<SigmoidOperator>(x, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation.");
        }
    }

    /// <summary>destination[i] = f'(x[i]) · outputGradient[i].</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="x">The forward input.</param>
    /// <param name="outputGradient">The gradient with respect to the output.</param>
    /// <param name="destination">The gradient with respect to the input; may alias <paramref name="outputGradient"/>.</param>
    public static void Backward(ActivationKind kind, ReadOnlySpan<float> x, ReadOnlySpan<float> outputGradient, Span<float> destination)
    {
        RequireSameLength(x.Length, outputGradient.Length, nameof(outputGradient));
        RequireSameLength(x.Length, destination.Length, nameof(destination));
        switch (kind)
        {
            case ActivationKind.Relu: ElementwiseLoop.Apply<ReluGradientOperator>(x, outputGradient, destination); break;
            case ActivationKind.Relu6: ElementwiseLoop.Apply<Relu6GradientOperator>(x, outputGradient, destination); break;
            case ActivationKind.Hardswish: ElementwiseLoop.Apply<HardswishGradientOperator>(x, outputGradient, destination); break;
            case ActivationKind.Hardsigmoid: ElementwiseLoop.Apply<HardsigmoidGradientOperator>(x, outputGradient, destination); break;
            case ActivationKind.Sigmoid: ElementwiseLoop.Apply<SigmoidGradientOperator>(x, outputGradient, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation.");
        }
    }

    /// <summary>The scalar definition of f, the reference the vector kernels are tested against.</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="x">The input.</param>
    public static float ForwardScalar(ActivationKind kind, float x) => kind switch
    {
        ActivationKind.Relu => ReluOperator.Invoke(x),
        ActivationKind.Relu6 => Relu6Operator.Invoke(x),
        ActivationKind.Hardswish => HardswishOperator.Invoke(x),
        ActivationKind.Hardsigmoid => HardsigmoidOperator.Invoke(x),
        ActivationKind.Sigmoid => SigmoidOperator.Invoke(x),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation."),
    };

    /// <summary>The scalar definition of f'(x)·g.</summary>
    /// <param name="kind">The activation.</param>
    /// <param name="x">The forward input.</param>
    /// <param name="outputGradient">The output gradient.</param>
    public static float BackwardScalar(ActivationKind kind, float x, float outputGradient) => kind switch
    {
        ActivationKind.Relu => ReluGradientOperator.Invoke(x, outputGradient),
        ActivationKind.Relu6 => Relu6GradientOperator.Invoke(x, outputGradient),
        ActivationKind.Hardswish => HardswishGradientOperator.Invoke(x, outputGradient),
        ActivationKind.Hardsigmoid => HardsigmoidGradientOperator.Invoke(x, outputGradient),
        ActivationKind.Sigmoid => SigmoidGradientOperator.Invoke(x, outputGradient),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation."),
    };

    internal static void RequireSameLength(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"{name} has {actual} elements, expected {expected}.", name);
        }
    }
}
