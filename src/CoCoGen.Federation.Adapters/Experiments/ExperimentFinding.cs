using CoCoGen.Mechanism.Experiments;

namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>One of the paper's claims judged on the realised figures and on the model-only figures of the same points.</summary>
/// <param name="Claim">The claim, as the paper makes it.</param>
/// <param name="Realised">Verdict on real training.</param>
/// <param name="RealisedNumbers">The realised differences and intervals behind it.</param>
/// <param name="ModelOnly">Verdict on the model's predictions at the same points and seeds.</param>
/// <param name="ModelOnlyNumbers">The predicted differences and intervals behind it.</param>
public sealed record ExperimentFinding(string Claim, Verdict Realised, string RealisedNumbers, Verdict ModelOnly, string ModelOnlyNumbers);
