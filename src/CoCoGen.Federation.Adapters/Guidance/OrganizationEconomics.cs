using System.ComponentModel.DataAnnotations;

namespace CoCoGen.Federation.Adapters.Guidance;

/// <summary>
/// One organization's economics (configuration <c>Mechanism:Economics:Organizations:&lt;id&gt;</c>, model.md §1);
/// a value left out is drawn from the Table II range with the run's seed.
/// </summary>
public sealed class OrganizationEconomics
{
    /// <summary>p_i: revenue per unit of global-model performance (Table II draw: U[800, 1200]).</summary>
    [Range(double.Epsilon, 1e12, ErrorMessage = "Mechanism:Economics:Organizations:*:Revenue must be positive and at most {2}")]
    public double? Revenue { get; set; }

    /// <summary>φ_i: revenue per unit of contribution gap extracted from a rival (Table II draw: p_i · U[0.8, 1]).</summary>
    [Range(double.Epsilon, 1e12, ErrorMessage = "Mechanism:Economics:Organizations:*:RivalRate must be positive and at most {2}")]
    public double? RivalRate { get; set; }

    /// <summary>f_i: processing capability in Hz (Table II draw: U[2.5, 4] GHz).</summary>
    [Range(1e6, 1e12, ErrorMessage = "Mechanism:Economics:Organizations:*:Frequency must be between {1} and {2} Hz")]
    public double? Frequency { get; set; }

    /// <summary>κ_i: effective capacitance of the chipset (default 1e-28).</summary>
    [Range(1e-40, 1e-10, ErrorMessage = "Mechanism:Economics:Organizations:*:Capacitance must be between {1} and {2}")]
    public double? Capacitance { get; set; }
}
