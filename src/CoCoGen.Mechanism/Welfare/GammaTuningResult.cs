namespace CoCoGen.Mechanism.Welfare;

/// <summary>The compensation rate that maximises equilibrium welfare within Remark 1.</summary>
/// <param name="Gamma">γ*.</param>
/// <param name="SocialWelfare">SW at the equilibrium under γ*.</param>
/// <param name="UpperBound">min φ_j, the Remark-1 bound searched up to.</param>
public sealed record GammaTuningResult(double Gamma, double SocialWelfare, double UpperBound);
