namespace CoCoGen.Mechanism.Equilibrium;

/// <summary>Labels a strategy with its KKT scenario by which bound, if any, it sits on.</summary>
public static class KktClassifier
{
    /// <summary>Absolute distance (samples) within which a strategy counts as on a bound.</summary>
    public const double BoundTolerance = 1e-6;

    /// <summary>Zero, Cap or Interior for g_i in [0, G_i].</summary>
    public static KktScenario Classify(double g, double cap) =>
        g <= BoundTolerance ? KktScenario.Zero : g >= cap - BoundTolerance ? KktScenario.Cap : KktScenario.Interior;

    /// <summary>Classifies every organization.</summary>
    public static KktScenario[] Classify(ReadOnlySpan<double> g, ReadOnlySpan<double> caps)
    {
        var result = new KktScenario[g.Length];
        for (int i = 0; i < g.Length; i++)
        {
            result[i] = Classify(g[i], caps[i]);
        }

        return result;
    }
}
