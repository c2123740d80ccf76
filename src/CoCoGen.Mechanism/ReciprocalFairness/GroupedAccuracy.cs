namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// The fitted accuracy functions of Section 5.1: agents are partitioned into groups A_1..A_T and an agent of
/// group g has a(s) = 1 − 1/(1 + Σ_t w_{g,t}·Σ_{j∈A_t} s_j); w_{g,t} ≥ 0 says how much group t's data helps group g.
/// </summary>
public sealed class GroupedAccuracy : IAccuracyModel
{
    private readonly double[,] _weights;
    private readonly int[] _groups;

    /// <summary>Creates the model.</summary>
    /// <param name="weights">w_{g,t}, a T×T matrix of non-negative numbers.</param>
    /// <param name="groups">Group index of each agent, in [0, T).</param>
    public GroupedAccuracy(double[,] weights, IReadOnlyList<int> groups)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(groups);
        int t = weights.GetLength(0);
        if (t == 0 || weights.GetLength(1) != t)
        {
            throw new ArgumentException("weights: must be a non-empty square matrix (groups × groups).");
        }

        for (int g = 0; g < t; g++)
        {
            for (int h = 0; h < t; h++)
            {
                if (!(weights[g, h] >= 0) || double.IsInfinity(weights[g, h]))
                {
                    throw new ArgumentException($"weights[{g}][{h}]: must be non-negative and finite, got {weights[g, h]}.");
                }
            }
        }

        if (groups.Count == 0)
        {
            throw new ArgumentException("groups: need at least one agent.");
        }

        for (int i = 0; i < groups.Count; i++)
        {
            if (groups[i] < 0 || groups[i] >= t)
            {
                throw new ArgumentException($"groups[{i}]: group {groups[i]} is outside [0, {t}).");
            }
        }

        _weights = (double[,])weights.Clone();
        _groups = groups.ToArray();
    }

    /// <inheritdoc />
    public int AgentCount => _groups.Length;

    /// <summary>T, the number of groups.</summary>
    public int GroupCount => _weights.GetLength(0);

    /// <summary>Group of an agent.</summary>
    public int GroupOf(int agent) => _groups[agent];

    /// <inheritdoc />
    public double Payoff(int agent, ReadOnlySpan<double> samples) => 1.0 - (1.0 / (1.0 + Exposure(agent, samples)));

    /// <inheritdoc />
    public double PayoffPartial(int agent, ReadOnlySpan<double> samples, int contributor)
    {
        double z = 1.0 + Exposure(agent, samples);
        return _weights[_groups[agent], _groups[contributor]] / (z * z);
    }

    private double Exposure(int agent, ReadOnlySpan<double> samples)
    {
        int g = _groups[agent];
        double total = 0;
        for (int j = 0; j < samples.Length; j++)
        {
            total += _weights[g, _groups[j]] * samples[j];
        }

        return total;
    }
}
