namespace CoCoGen.Learning.Tensors;

/// <summary>
/// Weight initialisers. Fan-in and fan-out are passed explicitly; <see cref="FanIn"/> and <see cref="FanOut"/>
/// compute them for weights laid out [out, in, ...receptive field] as PyTorch does.
/// </summary>
public static class Initializers
{
    /// <summary>Fan-in of a weight tensor laid out [out, in, ...receptive field].</summary>
    /// <param name="weight">A rank ≥ 2 weight tensor.</param>
    public static int FanIn(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return weight.Length / weight.Dim(0);
    }

    /// <summary>Fan-out of a weight tensor laid out [out, in, ...receptive field].</summary>
    /// <param name="weight">A rank ≥ 2 weight tensor.</param>
    public static int FanOut(Tensor weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return weight.Length / weight.Dim(1);
    }

    /// <summary>Kaiming (He) normal: N(0, gain²/fanIn) with gain √2 for ReLU networks.</summary>
    /// <param name="weight">The tensor to fill.</param>
    /// <param name="fanIn">Number of inputs to each unit.</param>
    /// <param name="random">The random source.</param>
    public static void KaimingNormal(Tensor weight, int fanIn, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(random);
        random.FillNormal(weight.Span, 0, MathF.Sqrt(2f / fanIn));
    }

    /// <summary>
    /// Kaiming uniform with negative slope <paramref name="a"/>: U(±gain·√(3/fanIn)), gain = √(2/(1+a²)).
    /// With a = √5 this is PyTorch's default for Linear and Conv weights, bound 1/√fanIn.
    /// </summary>
    /// <param name="weight">The tensor to fill.</param>
    /// <param name="fanIn">Number of inputs to each unit.</param>
    /// <param name="random">The random source.</param>
    /// <param name="a">Negative slope of the rectifier following the layer.</param>
    public static void KaimingUniform(Tensor weight, int fanIn, RandomSource random, double a = 0)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(random);
        double gain = Math.Sqrt(2.0 / (1 + (a * a)));
        float bound = (float)(gain * Math.Sqrt(3.0 / fanIn));
        random.FillUniform(weight.Span, -bound, bound);
    }

    /// <summary>Xavier (Glorot) uniform: U(±gain·√(6/(fanIn+fanOut))).</summary>
    /// <param name="weight">The tensor to fill.</param>
    /// <param name="fanIn">Inputs per unit.</param>
    /// <param name="fanOut">Outputs per unit.</param>
    /// <param name="random">The random source.</param>
    /// <param name="gain">Scale factor.</param>
    public static void XavierUniform(Tensor weight, int fanIn, int fanOut, RandomSource random, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(random);
        float bound = (float)(gain * Math.Sqrt(6.0 / (fanIn + fanOut)));
        random.FillUniform(weight.Span, -bound, bound);
    }

    /// <summary>Xavier (Glorot) normal: N(0, gain²·2/(fanIn+fanOut)).</summary>
    /// <param name="weight">The tensor to fill.</param>
    /// <param name="fanIn">Inputs per unit.</param>
    /// <param name="fanOut">Outputs per unit.</param>
    /// <param name="random">The random source.</param>
    /// <param name="gain">Scale factor.</param>
    public static void XavierNormal(Tensor weight, int fanIn, int fanOut, RandomSource random, double gain = 1)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(random);
        random.FillNormal(weight.Span, 0, (float)(gain * Math.Sqrt(2.0 / (fanIn + fanOut))));
    }

    /// <summary>Uniform U(±1/√fanIn): PyTorch's default bias initialisation.</summary>
    /// <param name="bias">The tensor to fill.</param>
    /// <param name="fanIn">Inputs per unit of the owning layer.</param>
    /// <param name="random">The random source.</param>
    public static void FanInUniform(Tensor bias, int fanIn, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(random);
        float bound = fanIn > 0 ? 1f / MathF.Sqrt(fanIn) : 0f;
        random.FillUniform(bias.Span, -bound, bound);
    }
}
