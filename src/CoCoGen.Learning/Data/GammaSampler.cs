using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Data;

/// <summary>
/// Draws from Gamma(shape, 1) by Marsaglia and Tsang's squeeze method (ACM TOMS 26(3), 2000), with the
/// standard boost <c>Gamma(a) = Gamma(a + 1) · U^(1/a)</c> for shapes below one. Every draw comes from the
/// seeded generator passed in, so sequences repeat for a seed.
/// </summary>
public sealed class GammaSampler
{
    private readonly RandomSource _random;

    /// <summary>Creates a sampler drawing uniforms from <paramref name="random"/>.</summary>
    /// <param name="random">A seeded generator.</param>
    public GammaSampler(RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
    }

    /// <summary>One draw from Gamma(<paramref name="shape"/>, 1).</summary>
    /// <param name="shape">The shape parameter; must be positive and finite.</param>
    public double Next(double shape)
    {
        if (!(shape > 0) || double.IsInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Gamma shape must be positive and finite.");
        }

        if (shape < 1)
        {
            // U in (0, 1]: U = 0 would give exactly 0, which a Dirichlet normalisation cannot use.
            double u = 1.0 - _random.NextDouble();
            return Next(shape + 1) * Math.Pow(u, 1.0 / shape);
        }

        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = _random.NextGaussian();
                v = 1.0 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1.0 - _random.NextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.Log(u) < 0.5 * x2 + d * (1.0 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>Fills <paramref name="destination"/> with one draw from the symmetric Dirichlet(α, …, α).</summary>
    /// <param name="alpha">The concentration α; small values give skewed proportions, large ones near-equal ones.</param>
    /// <param name="destination">Receives proportions that are non-negative and sum to one.</param>
    public void NextDirichlet(double alpha, Span<double> destination)
    {
        if (destination.IsEmpty)
        {
            throw new ArgumentException("A Dirichlet draw needs at least one component.", nameof(destination));
        }

        double sum = 0;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = Next(alpha);
            sum += destination[i];
        }

        if (sum == 0)
        {
            // Every component underflowed (α far below 1): the limit of the distribution is a single vertex.
            destination.Clear();
            destination[_random.NextInt(destination.Length)] = 1;
            return;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] /= sum;
        }
    }
}
