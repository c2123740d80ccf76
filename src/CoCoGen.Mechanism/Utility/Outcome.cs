namespace CoCoGen.Mechanism.Utility;

/// <summary>
/// Every utility component of every organization at one strategy profile g (model.md §3), plus
/// social welfare and the budget residual of the redistribution.
/// </summary>
public sealed class Outcome
{
    internal Outcome(int count)
    {
        Generation = new double[count];
        LocalLoss = new double[count];
        Revenue = new double[count];
        Cost = new double[count];
        Contribution = new double[count];
        CompetitionLoss = new double[count];
        Transfers = new double[count];
        Utilities = new double[count];
    }

    /// <summary>g_i, synthetic samples.</summary>
    public IReadOnlyList<double> Generation { get; }

    /// <summary>ℓ_i(D_i + g_i).</summary>
    public IReadOnlyList<double> LocalLoss { get; }

    /// <summary>Rev_i = p_i (L_0 − L(g)).</summary>
    public IReadOnlyList<double> Revenue { get; }

    /// <summary>C_i = ω E_i + fee.</summary>
    public IReadOnlyList<double> Cost { get; }

    /// <summary>x_i under the scenario's contribution measure.</summary>
    public IReadOnlyList<double> Contribution { get; }

    /// <summary>CL_i = Σ_j φ_j ρ̂_ij (x_i − x_j).</summary>
    public IReadOnlyList<double> CompetitionLoss { get; }

    /// <summary>R_i = Σ_j γ ρ̂_ij (x_i − x_j), the net payoff transfer received.</summary>
    public IReadOnlyList<double> Transfers { get; }

    /// <summary>U_i = Rev_i − C_i − CL_i + R_i.</summary>
    public IReadOnlyList<double> Utilities { get; }

    /// <summary>L(g), the global loss.</summary>
    public double GlobalLoss { get; internal set; }

    /// <summary>SW = Σ_i U_i.</summary>
    public double SocialWelfare { get; internal set; }

    /// <summary>Σ_i R_i; zero up to rounding by budget balance.</summary>
    public double BudgetResidual { get; internal set; }

    /// <summary>Σ_i |R_i|, the scale the residual is judged against.</summary>
    public double TransferVolume { get; internal set; }

    /// <summary>Mean of g_i.</summary>
    public double AverageGeneration => Generation.Average();

    /// <summary>Indices of organizations with U_i &lt; 0 (individual rationality violated).</summary>
    public IReadOnlyList<int> IrrationalOrganizations() =>
        Enumerable.Range(0, Utilities.Count).Where(i => Utilities[i] < 0).ToArray();

    internal double[] GenerationArray => (double[])Generation;

    internal double[] LocalLossArray => (double[])LocalLoss;

    internal double[] RevenueArray => (double[])Revenue;

    internal double[] CostArray => (double[])Cost;

    internal double[] ContributionArray => (double[])Contribution;

    internal double[] CompetitionLossArray => (double[])CompetitionLoss;

    internal double[] TransfersArray => (double[])Transfers;

    internal double[] UtilitiesArray => (double[])Utilities;
}
