namespace CoCoGen.Mechanism.ReciprocalFairness;

/// <summary>
/// M^BG, the budget-balanced welfare baseline of Murhekar et al. (NeurIPS 2023) that the M^Shap paper compares in
/// its Table 1: every agent is refunded the share β of its own cost and pays an equal part of the others' refunds,
/// p_i(s) = β·[c_i(s_i) − (1/(n−1)) Σ_{j≠i} c_j(s_j)], so Σ_i p_i = 0 and agent i feels only (1 − β) of its marginal
/// cost: ∂u_i/∂s_i = ∂a_i/∂s_i − (1 − β)·c_i′(s_i). The definition is not in the M^Shap paper's text; it is read from
/// the M^Shap authors' experiment code (sjxer723/Reciprocally-Fair-Federated-Learning: the "br-bg" update and the
/// payments of its stats.py), which fixes β = 0.8 for Table 1 (docs/mechanisms.md, "M^BG"). Unlike M^Shap it needs
/// every agent's cost function: it is not cost-agnostic.
/// </summary>
public sealed class CostSharingMechanism : IFederationMechanism
{
    /// <summary>β of the M^Shap authors' Table 1 runs (cost_scalar_beta = 0.8).</summary>
    public const double PaperCostShare = 0.8;

    /// <summary>Creates the mechanism with cost share β ∈ [0, 1).</summary>
    public CostSharingMechanism(double costShare = PaperCostShare)
    {
        if (!(costShare >= 0 && costShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(costShare), costShare, "costShare: β must lie in [0, 1).");
        }

        CostShare = costShare;
    }

    /// <summary>β: the share of its own cost refunded to each agent.</summary>
    public double CostShare { get; }

    /// <inheritdoc />
    public string Name => "M^BG";

    /// <inheritdoc />
    public double[] Payments(FederationInstance instance, IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        int n = RequireShared(instance);
        var costs = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            costs[i] = instance.Costs[i].Cost(samples[i]);
            total += costs[i];
        }

        var payments = new double[n];
        for (int i = 0; i < n; i++)
        {
            payments[i] = CostShare * (costs[i] - ((total - costs[i]) / (n - 1)));
        }

        return payments;
    }

    /// <inheritdoc />
    public double[] OwnUtilityGradient(FederationInstance instance, IReadOnlyList<double> samples, Random random)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(samples);
        int n = RequireShared(instance);
        var s = samples.ToArray();
        var gradient = new double[n];
        for (int i = 0; i < n; i++)
        {
            gradient[i] = instance.Model.PayoffPartial(i, s, i) - ((1 - CostShare) * instance.Costs[i].PerSample);
        }

        return gradient;
    }

    private static int RequireShared(FederationInstance instance)
    {
        // With one agent there is nobody to share the refund with.
        return instance.AgentCount >= 2
            ? instance.AgentCount
            : throw new ArgumentException($"agents: M^BG shares costs among agents and needs at least 2, got {instance.AgentCount}.");
    }
}
