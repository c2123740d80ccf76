namespace CoCoGen.Mechanism.ReciprocalFairness;

// Inside the namespace, so MathNet's Matrix/Vector win over any same-named type of CoCoGen.Mechanism.
using MathNet.Numerics.LinearAlgebra;

/// <summary>
/// The equilibrium of the accuracy-shaping mechanism of Karimireddy et al. (2022) used in Example 7: agent i gets
/// a model whose accuracy rises above its standalone optimum a_i(s_i⁰) only as fast as its marginal cost, so the
/// NE solves a_i(s) = a_i(s_i⁰·e_i) + (γ_i + ε)(s_i − s_i⁰) for all i, with ε → 0. The system is solved by Newton's
/// method from the standalone optima s⁰; instances whose conditions have no solution inside the caps are
/// reported as such rather than answered with a clamped point.
/// </summary>
public static class AccuracyShapingEquilibrium
{
    /// <summary>Standalone optima: s_i⁰ = argmax_{x ∈ [0, τ_i]} a_i(x·e_i) − γ_i x.</summary>
    public static double[] StandaloneOptima(FederationInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        int n = instance.AgentCount;
        var result = new double[n];
        var alone = new double[n];
        for (int i = 0; i < n; i++)
        {
            double lo = 0;
            double hi = instance.Costs[i].MaxSamples;
            double Slope(double x)
            {
                Array.Clear(alone);
                alone[i] = x;
                return instance.Model.PayoffPartial(i, alone, i) - instance.Costs[i].PerSample;
            }

            if (Slope(lo) <= 0)
            {
                continue;
            }

            if (Slope(hi) >= 0)
            {
                result[i] = hi;
                continue;
            }

            for (int k = 0; k < 200 && hi - lo > 1e-14 * Math.Max(1, hi); k++)
            {
                double mid = 0.5 * (lo + hi);
                (lo, hi) = Slope(mid) > 0 ? (mid, hi) : (lo, mid);
            }

            result[i] = 0.5 * (lo + hi);
        }

        return result;
    }

    /// <summary>Solves the equilibrium conditions; throws if Newton's method does not converge.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="epsilon">ε ≥ 0 added to every marginal cost (the example takes the limit ε → 0).</param>
    public static double[] Solve(FederationInstance instance, double epsilon = 0)
    {
        ArgumentNullException.ThrowIfNull(instance);
        int n = instance.AgentCount;
        var standalone = StandaloneOptima(instance);
        var target = new double[n];
        var alone = new double[n];
        for (int i = 0; i < n; i++)
        {
            Array.Clear(alone);
            alone[i] = standalone[i];
            target[i] = instance.Model.Payoff(i, alone);
        }

        var s = (double[])standalone.Clone();
        for (int iteration = 0; iteration < 500; iteration++)
        {
            var residual = Vector<double>.Build.Dense(n);
            var jacobian = Matrix<double>.Build.Dense(n, n);
            for (int i = 0; i < n; i++)
            {
                double slope = instance.Costs[i].PerSample + epsilon;
                residual[i] = instance.Model.Payoff(i, s) - target[i] - (slope * (s[i] - standalone[i]));
                for (int j = 0; j < n; j++)
                {
                    jacobian[i, j] = instance.Model.PayoffPartial(i, s, j) - (i == j ? slope : 0);
                }
            }

            if (residual.InfinityNorm() <= 1e-13)
            {
                return s;
            }

            var step = jacobian.Solve(-residual);
            for (int i = 0; i < n; i++)
            {
                s[i] = Math.Clamp(s[i] + step[i], 0, instance.Costs[i].MaxSamples);
            }
        }

        throw new InvalidOperationException("The accuracy-shaping equilibrium conditions have no solution Newton's method reaches inside the sample caps (500 steps).");
    }
}
