namespace CoCoGen.Federation.Ports;

/// <summary>The mechanism's answer for one round.</summary>
/// <param name="Synthetic">g_i*: synthetic samples each organization should generate, in organization order.</param>
/// <param name="Utilities">U_i at the recommended profile.</param>
/// <param name="SocialWelfare">Σ U_i at the recommended profile.</param>
/// <param name="PredictedGlobalLoss">L(g*) the mechanism predicts.</param>
public sealed record RoundGuidance(
    IReadOnlyList<double> Synthetic,
    IReadOnlyList<double> Utilities,
    double SocialWelfare,
    double PredictedGlobalLoss);
