using System.ComponentModel.DataAnnotations;

namespace CoCoGen.Federation.Adapters.Guidance;

/// <summary>The game the guidance solves (configuration section <c>Mechanism</c>).</summary>
public sealed class MechanismOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Mechanism";

    /// <summary>Decision rule: <c>cocogen+</c> or a baseline (<c>vcfl</c>, <c>wco</c>, <c>wdg</c>, <c>radg</c>, <c>madg</c>).</summary>
    [Required(ErrorMessage = "Mechanism:Rule is required")]
    public string Rule { get; set; } = "cocogen+";

    /// <summary>Mean competitive intensity ρ̄ (uniform ρ_ij = ρ̄ off the diagonal).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Mechanism:RhoBar must be between {1} and {2}")]
    public double RhoBar { get; set; } = 0.5;

    /// <summary>γ as a fraction of min φ_j (Remark 1 caps it at 1).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Mechanism:GammaShare must be between {1} and {2} (Remark 1: γ ≤ min φ)")]
    public double GammaShare { get; set; } = 0.5;

    /// <summary>Cap G_i on synthetic samples per organization and round.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Mechanism:MaxSynthetic must be between {1} and {2}")]
    public int MaxSynthetic { get; set; } = 6000;

    /// <summary>
    /// Power-law calibration: a file written by <c>cocogen fit-scaling</c>, or a directory of them (the
    /// one whose α is nearest Learning:Alpha is used). Relative paths: from the working directory.
    /// </summary>
    [Required(ErrorMessage = "Mechanism:Calibration is required")]
    public string Calibration { get; set; } = "calibration";
}
