namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>The global model after a FedAvg round (0: before training).</summary>
/// <param name="Round">Round, from 0.</param>
/// <param name="Loss">Mean cross-entropy on the test images (Figs 13–14).</param>
/// <param name="Accuracy">Accuracy on the test images (Fig. 15).</param>
public sealed record TradeFlTrainingPoint(int Round, double Loss, double Accuracy);
