namespace CoCoGen.Mechanism.Baselines;

/// <summary>One decision rule's profile and its score.</summary>
/// <param name="Kind">The rule.</param>
/// <param name="Generation">The profile it chose.</param>
/// <param name="SocialWelfare">SW under the utility model.md §7 scores it with.</param>
/// <param name="AverageGeneration">Mean g_i.</param>
public sealed record BaselineScore(BaselineKind Kind, IReadOnlyList<double> Generation, double SocialWelfare, double AverageGeneration);
