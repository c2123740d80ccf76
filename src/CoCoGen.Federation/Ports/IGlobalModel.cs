
namespace CoCoGen.Federation.Ports;

/// <summary>The coordinator's side of learning: initial weights, FedAvg, evaluation on the test set, export.</summary>
public interface IGlobalModel
{
    /// <summary>Seeded initial weights of the classifier.</summary>
    ModelWeights InitialModel();

    /// <summary>Seeded initial weights of the conditional generator.</summary>
    ModelWeights InitialGenerator();

    /// <summary>FedAvg: the average of <paramref name="updates"/> weighted by their sample counts.</summary>
    ModelWeights Aggregate(IReadOnlyList<(ModelWeights Weights, long Samples)> updates);

    /// <summary>Test-set loss and accuracy of <paramref name="weights"/>.</summary>
    Task<Evaluation> EvaluateAsync(ModelWeights weights, CancellationToken cancellationToken);

    /// <summary>Writes the classifier as a .safetensors file with the model's own tensor names.</summary>
    void SaveModel(ModelWeights weights, string path);
}
