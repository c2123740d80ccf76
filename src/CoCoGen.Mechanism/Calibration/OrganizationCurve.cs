namespace CoCoGen.Mechanism.Calibration;

/// <summary>One organization's fitted loss curve ℓ_i(n) = a_i·n^(−b_i) + c_i.</summary>
/// <param name="Id">Organization identifier.</param>
/// <param name="LocalSamples">Its real samples D_i.</param>
/// <param name="Fit">The fit over every seed's point, with its intervals and raw-point R².</param>
/// <param name="RSquaredSeedMeans">R² of the same curve on the seed means.</param>
public sealed record OrganizationCurve(string Id, long LocalSamples, PowerLawFit Fit, double RSquaredSeedMeans)
{
    /// <summary>Scale a_i.</summary>
    public double A => Fit.A;

    /// <summary>Exponent b_i.</summary>
    public double B => Fit.B;

    /// <summary>Floor c_i.</summary>
    public double C => Fit.C;

    /// <summary>R² on every seed's point.</summary>
    public double RSquared => Fit.RSquared;
}
