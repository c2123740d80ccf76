namespace CoCoGen.Federation.Calibration;

/// <summary>One organization's fitted loss curve.</summary>
/// <param name="Id">Organization identifier.</param>
/// <param name="LocalSamples">Its real samples D_i.</param>
/// <param name="A">Scale a_i.</param>
/// <param name="B">Exponent b_i.</param>
/// <param name="C">Floor c_i.</param>
/// <param name="RSquared">R² of its fit.</param>
public sealed record OrganizationCurve(string Id, long LocalSamples, double A, double B, double C, double RSquared);
