using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Federated;

/// <summary>One organization's locally trained state for a round and the number of samples it trained on.</summary>
/// <param name="Organization">Who sent it (used in error messages).</param>
/// <param name="State">State tensors by name (parameters and buffers).</param>
/// <param name="SampleCount">Training samples behind the update (its FedAvg weight).</param>
public sealed record ModelUpdate(string Organization, IReadOnlyDictionary<string, Tensor> State, long SampleCount);
