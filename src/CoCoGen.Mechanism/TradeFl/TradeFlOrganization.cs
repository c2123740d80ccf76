namespace CoCoGen.Mechanism.TradeFl;

/// <summary>One organization o_i of TradeFL (Section III), with the quantities its payoff (Eq. 11) needs.</summary>
/// <param name="Id">Name used in messages and outputs.</param>
/// <param name="DataBits">s_i, size of the local dataset in bits (drives training time and energy).</param>
/// <param name="Samples">|S_i|, number of local samples (drives the data-accuracy function).</param>
/// <param name="Profitability">p_i &gt; 0, revenue per unit of global-model performance.</param>
/// <param name="CyclesPerBit">η_i, CPU cycles needed per bit of training data.</param>
/// <param name="FrequenciesHz">F_i^(1) &lt; … &lt; F_i^(m), the selectable computation levels in cycles per second.</param>
/// <param name="DownloadSeconds">T_i^(1), model download time.</param>
/// <param name="UploadSeconds">T_i^(3), model upload time.</param>
/// <param name="CommunicationEnergy">E_i^comm = E_DL·T_i^(1) + E_UL·T_i^(3) in joules.</param>
public sealed record TradeFlOrganization(
    string Id,
    double DataBits,
    double Samples,
    double Profitability,
    double CyclesPerBit,
    IReadOnlyList<double> FrequenciesHz,
    double DownloadSeconds,
    double UploadSeconds,
    double CommunicationEnergy);
