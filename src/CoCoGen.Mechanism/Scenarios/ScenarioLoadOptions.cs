namespace CoCoGen.Mechanism.Scenarios;

/// <summary>Options that relax validation on explicit request only.</summary>
/// <param name="ExploreRemark2">
/// Accept γ above min φ_j (Remark 1) to explore Remark 2; results then flag who would exit.
/// </param>
public sealed record ScenarioLoadOptions(bool ExploreRemark2 = false)
{
    /// <summary>Strict validation: Remark 1 enforced.</summary>
    public static ScenarioLoadOptions Strict { get; } = new();
}
