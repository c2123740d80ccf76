namespace CoCoGen.Mechanism.Scenarios;

/// <summary>The local power-law loss ℓ(n) = a · n^(−b) + c of model.md §2 (paper Eq. 2).</summary>
/// <param name="A">Scale a &gt; 0.</param>
/// <param name="B">Exponent 0 &lt; b &lt; 1.</param>
/// <param name="C">Irreducible loss c ≥ 0.</param>
public readonly record struct LossCurve(double A, double B, double C)
{
    /// <summary>ℓ(n) for a training-set size n &gt; 0.</summary>
    public double Evaluate(double samples) => A * Math.Pow(samples, -B) + C;
}
