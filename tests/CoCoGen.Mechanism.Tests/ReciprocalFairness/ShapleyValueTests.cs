namespace CoCoGen.Mechanism.Tests.ReciprocalFairness;

// Inside the namespace, so these win over same-named types of the enclosing CoCoGen.Mechanism namespace.
using CoCoGen.Mechanism.ReciprocalFairness;

public class ShapleyValueTests
{
    internal static FederationInstance RandomGrouped(int seed, int agents, int groups)
    {
        var random = new Random(seed);
        var w = new double[groups, groups];
        for (int g = 0; g < groups; g++)
        {
            for (int h = 0; h < groups; h++)
            {
                w[g, h] = (g == h ? 2e-3 : 5e-4) * (0.5 + random.NextDouble());
            }
        }

        var membership = Enumerable.Range(0, agents).Select(i => i % groups).ToArray();
        var costs = Enumerable.Range(0, agents).Select(_ => new AgentCost(1e-3 * random.NextDouble(), 0, 200)).ToArray();
        return new FederationInstance(new GroupedAccuracy(w, membership), costs);
    }

    internal static double[] RandomSamples(int seed, FederationInstance instance)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, instance.AgentCount).Select(i => instance.Costs[i].MaxSamples * random.NextDouble()).ToArray();
    }

    [Fact]
    public void ExactValuesEqualTheAverageOverAllPermutations()
    {
        var instance = RandomGrouped(1, 6, 3);
        var s = RandomSamples(2, instance);
        var scratch = new double[6];
        var reference = new double[6];
        int count = 0;
        foreach (var permutation in Permutations([0, 1, 2, 3, 4, 5]))
        {
            long mask = 0;
            double previous = 0;
            foreach (int i in permutation)
            {
                mask |= 1L << i;
                double current = instance.CoalitionValue(mask, s, scratch);
                reference[i] += current - previous;
                previous = current;
            }

            count++;
        }

        var exact = ShapleyValues.Exact(instance, s);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(reference[i] / count, exact[i], 12);
        }
    }

    [Fact]
    public void ExactValuesAreEfficientSymmetricAndZeroForNullPlayersAtTwentyAgents()
    {
        var instance = new FederationInstance(
            new PowerLawAccuracy(20, alpha: 0.8, beta: 0.5),
            Enumerable.Range(0, 20).Select(_ => new AgentCost(0.01, 0, 50)).ToArray());
        var s = Enumerable.Range(0, 20).Select(i => i == 7 ? 0.0 : 1.0 + (i % 4)).ToArray();
        var phi = ShapleyValues.Exact(instance, s);
        Assert.InRange(phi.Sum() - instance.TotalGain(s), -1e-9, 1e-9);
        Assert.Equal(0, phi[7], 12);
        Assert.Equal(phi[1], phi[5], 12); // s_1 = s_5 = 2 and identical payoffs
        Assert.True(phi[3] > phi[2]);
    }

    [Fact]
    public void MonteCarloEstimateLiesWithinItsStatedError()
    {
        var instance = RandomGrouped(3, 8, 3);
        var s = RandomSamples(4, instance);
        var exact = ShapleyValues.Exact(instance, s);
        var estimate = ShapleyValues.MonteCarlo(instance, s, permutations: 2000, seed: 5);
        for (int i = 0; i < 8; i++)
        {
            double error = Math.Abs(estimate.Values[i] - exact[i]);
            Assert.True(error <= estimate.HoeffdingHalfWidth, $"agent {i}: {error} > Hoeffding {estimate.HoeffdingHalfWidth}");
            Assert.True(error <= 5 * estimate.StandardErrors[i], $"agent {i}: {error} > 5 SE {estimate.StandardErrors[i]}");
        }
    }

    [Fact]
    public void MonteCarloGradientApproachesTheExactGradient()
    {
        var instance = RandomGrouped(6, 7, 3);
        var s = RandomSamples(7, instance);
        var exact = ShapleyValues.ExactOwnGradient(instance, s);
        var estimate = ShapleyValues.MonteCarloOwnGradient(instance, s, 4000, new Random(8));
        for (int i = 0; i < 7; i++)
        {
            Assert.InRange(estimate[i], exact[i] * 0.98, exact[i] * 1.02);
        }

        // The exact gradient is the derivative of the exact Shapley value.
        const double h = 1e-4;
        for (int i = 0; i < 7; i++)
        {
            var up = (double[])s.Clone();
            var down = (double[])s.Clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (ShapleyValues.Exact(instance, up)[i] - ShapleyValues.Exact(instance, down)[i]) / (2 * h);
            Assert.Equal(numeric, exact[i], 8);
        }
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int k = 0; k < items.Length; k++)
        {
            var rest = items.Where((_, idx) => idx != k).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[k], .. tail];
            }
        }
    }
}
