using System.ComponentModel.DataAnnotations;

namespace CoCoGen.Federation.Adapters.Guidance;

/// <summary>
/// The economic parameters of the game (configuration <c>Mechanism:Economics</c>, model.md §1 and §3). The defaults
/// are the project's reading of the paper's Table II; per organization values override the seeded draws.
/// </summary>
public sealed class EconomicsOptions
{
    /// <summary>ω: operating cost per joule.</summary>
    [Range(0.0, 1e12, ErrorMessage = "Mechanism:Economics:OperatingCost must be between {1} and {2}")]
    public double OperatingCost { get; set; } = 1.0;

    /// <summary>c^t: cycles to train on one sample.</summary>
    [Range(1.0, 1e15, ErrorMessage = "Mechanism:Economics:TrainCycles must be between {1} and {2}")]
    public double TrainCycles { get; set; } = 1e5;

    /// <summary>c^g: cycles to generate one sample.</summary>
    [Range(1.0, 1e15, ErrorMessage = "Mechanism:Economics:GenerateCycles must be between {1} and {2}")]
    public double GenerateCycles { get; set; } = 2e5;

    /// <summary>ξ: calibration factor of the global loss (Eq. 6).</summary>
    [Range(1e-6, 1e6, ErrorMessage = "Mechanism:Economics:Xi must be between {1} and {2}")]
    public double Xi { get; set; } = 1.0;

    /// <summary>Fixed fee per round, in money units.</summary>
    [Range(0.0, 1e12, ErrorMessage = "Mechanism:Economics:Fee must be between {1} and {2}")]
    public double Fee { get; set; }

    /// <summary>Per organization values by organization id (sorted, so the agreed-settings hash does not depend on the order they were written in); anything left out is drawn from Table II's range.</summary>
    public SortedDictionary<string, OrganizationEconomics> Organizations { get; set; } = new(StringComparer.Ordinal);
}
