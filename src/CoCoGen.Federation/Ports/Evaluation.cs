namespace CoCoGen.Federation.Ports;

/// <summary>Test-set figures of a global model.</summary>
/// <param name="Loss">Mean cross-entropy.</param>
/// <param name="Accuracy">Fraction classified correctly, in [0, 1].</param>
public sealed record Evaluation(double Loss, double Accuracy);
