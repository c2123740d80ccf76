namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>Which of Theorem 2's three KKT scenarios an organization's equilibrium strategy falls in.</summary>
public enum KktScenario
{
    /// <summary>Scenario 1: g_i* = 0, the lower bound binds.</summary>
    Zero,

    /// <summary>Scenario 2: g_i* = G_i, the cap binds.</summary>
    Cap,

    /// <summary>Scenario 3: 0 &lt; g_i* &lt; G_i, interior stationary point.</summary>
    Interior,
}
