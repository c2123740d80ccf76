namespace CoCoGen.Mechanism.TradeFl;

/// <summary>π_i = {d_i, f_i}: the share of local data contributed and the chosen computation level.</summary>
/// <param name="DataFraction">d_i ∈ [D_min, 1].</param>
/// <param name="FrequencyLevel">Index into <see cref="TradeFlOrganization.FrequenciesHz"/>.</param>
public readonly record struct TradeFlStrategy(double DataFraction, int FrequencyLevel);
