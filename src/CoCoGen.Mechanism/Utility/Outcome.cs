namespace CoCoGen.Mechanism.Utility;

/// <summary>
/// Every utility component of every organization at one strategy profile g (model.md §3), plus
/// social welfare and the budget residual of the redistribution.
/// </summary>
public sealed class Outcome
{
    internal Outcome(int count)
    {
        GenerationArray = new double[count];
        LocalLossArray = new double[count];
        RevenueArray = new double[count];
        CostArray = new double[count];
        ContributionArray = new double[count];
        CompetitionLossArray = new double[count];
        TransfersArray = new double[count];
        UtilitiesArray = new double[count];
    }

    /// <summary>g_i, synthetic samples.</summary>
    public IReadOnlyList<double> Generation => GenerationArray;

    /// <summary>ℓ_i(D_i + g_i).</summary>
    public IReadOnlyList<double> LocalLoss => LocalLossArray;

    /// <summary>Rev_i = p_i (L_0 − L(g)).</summary>
    public IReadOnlyList<double> Revenue => RevenueArray;

    /// <summary>C_i = ω E_i + fee.</summary>
    public IReadOnlyList<double> Cost => CostArray;

    /// <summary>x_i under the scenario's contribution measure.</summary>
    public IReadOnlyList<double> Contribution => ContributionArray;

    /// <summary>CL_i = Σ_j φ_j ρ̂_ij (x_i − x_j).</summary>
    public IReadOnlyList<double> CompetitionLoss => CompetitionLossArray;

    /// <summary>R_i = Σ_j γ ρ̂_ij (x_i − x_j), the net payoff transfer received.</summary>
    public IReadOnlyList<double> Transfers => TransfersArray;

    /// <summary>U_i = Rev_i − C_i − CL_i + R_i.</summary>
    public IReadOnlyList<double> Utilities => UtilitiesArray;

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

    internal double[] GenerationArray { get; }

    internal double[] LocalLossArray { get; }

    internal double[] RevenueArray { get; }

    internal double[] CostArray { get; }

    internal double[] ContributionArray { get; }

    internal double[] CompetitionLossArray { get; }

    internal double[] TransfersArray { get; }

    internal double[] UtilitiesArray { get; }
}
