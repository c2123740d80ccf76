namespace CoCoGen.Federation.Adapters.Training;

/// <summary>
/// How an organization misbehaves in a robustness experiment (<c>Learning:Adversaries:orgN</c>). The run records it in
/// config.json; the measurement and the payments treat the organization like any other, which is the point.
/// </summary>
public enum SimulatedAdversary
{
    /// <summary>Trains honestly.</summary>
    None,

    /// <summary>Returns the global weights unchanged, claiming the samples it was assigned.</summary>
    FreeRider,

    /// <summary>Does not train: returns the global weights plus seeded Gaussian noise (σ = Learning:AdversaryNoise) on every weight.</summary>
    Noisy,

    /// <summary>Trains on its own images with every label y read as C − 1 − y.</summary>
    LabelFlip,
}
