namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>One organization's inputs and realised utility components in one run (a row of organizations.csv).</summary>
/// <param name="Id">Organization id.</param>
/// <param name="LocalSamples">D_i.</param>
/// <param name="Decided">g_i the rule decided.</param>
/// <param name="Generated">Synthetic samples actually generated per round.</param>
/// <param name="Trained">Samples trained on per round.</param>
/// <param name="Contribution">Measured x_i.</param>
/// <param name="Valuation">p_i.</param>
/// <param name="RivalRate">φ_i.</param>
/// <param name="FrequencyHz">f_i.</param>
/// <param name="Capacitance">κ_i.</param>
/// <param name="Revenue">Realised revenue.</param>
/// <param name="Cost">Realised cost.</param>
/// <param name="CompetitionLoss">Realised competition loss (as the rule is scored).</param>
/// <param name="Transfer">Realised transfer R_i (as the rule is scored).</param>
/// <param name="Utility">Realised utility.</param>
public sealed record ExperimentOrganization(
    string Id,
    long LocalSamples,
    double Decided,
    long Generated,
    long Trained,
    double Contribution,
    double Valuation,
    double RivalRate,
    double FrequencyHz,
    double Capacitance,
    double Revenue,
    double Cost,
    double CompetitionLoss,
    double Transfer,
    double Utility);
