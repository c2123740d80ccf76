namespace CoCoGen.Mechanism.Scenarios;

/// <summary>
/// Loss curves per heterogeneity level α: how α enters the model (paper Figs 4 and 7). The
/// <see cref="Source"/> says where the numbers come from (e.g. illustrative defaults or a calibration run).
/// </summary>
/// <param name="Source">A label stating the provenance of the curves.</param>
/// <param name="Entries">Entries in increasing α.</param>
public sealed record LossCurveTable(string Source, IReadOnlyList<LossCurveTableEntry> Entries);
