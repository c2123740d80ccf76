namespace CoCoGen.Mechanism.Welfare;

/// <summary>The welfare-maximising profile and how far the equilibrium falls short of it.</summary>
/// <param name="Generation">g maximising social welfare over the box.</param>
/// <param name="SocialWelfare">SW at that profile.</param>
/// <param name="EquilibriumWelfare">SW at the equilibrium it is compared with.</param>
public sealed record SocialOptimumResult(IReadOnlyList<double> Generation, double SocialWelfare, double EquilibriumWelfare)
{
    /// <summary>Price of anarchy SW(g*) / SW(g_opt) as model.md §6 defines it (1 = efficient).</summary>
    public double PriceOfAnarchy => EquilibriumWelfare / SocialWelfare;
}
