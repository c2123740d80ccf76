using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Protocol;

/// <summary>What a finished run produced.</summary>
/// <param name="Directory">The run directory.</param>
/// <param name="Rounds">Every round's record, in order.</param>
/// <param name="ModelHash">Hash of the final global weights.</param>
public sealed record RunSummary(string Directory, IReadOnlyList<RoundRecord> Rounds, string ModelHash);
