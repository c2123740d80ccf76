using System.ComponentModel.DataAnnotations;

namespace CoCoGen.Federation.Adapters.Guidance;

/// <summary>The game the guidance solves (configuration section <c>Mechanism</c>).</summary>
public sealed class MechanismOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Mechanism";

    /// <summary>
    /// Decision rule: <c>cocogen+</c>, a baseline (<c>vcfl</c>, <c>wco</c>, <c>wdg</c>, <c>radg</c>, <c>madg</c>), or
    /// <c>mshap</c>: CoCoGen+'s guidance, paid by M^Shap's net vector from the round's measured Shapley values.
    /// </summary>
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

    /// <summary>
    /// Whether each round's curves are moved towards the local losses earlier rounds measured
    /// (<see cref="CoCoGen.Mechanism.Calibration.LossCurveUpdate"/>), so that the guidance follows the run.
    /// </summary>
    public bool FollowRun { get; set; } = true;

    /// <summary>κ: how many agreeing observations the calibration counts as when a curve is updated.</summary>
    [Range(0.0, 1e6, ErrorMessage = "Mechanism:CurvePriorWeight must be between {1} and {2}")]
    public double CurvePriorWeight { get; set; } = 1.0;

    /// <summary>λ: an observation k rounds older than the latest weighs λ^k (1 weighs every round alike).</summary>
    [Range(0.01, 1.0, ErrorMessage = "Mechanism:ObservationDecay must be between {1} and {2}")]
    public double ObservationDecay { get; set; } = 0.5;

    /// <summary>The game's economic parameters.</summary>
    public EconomicsOptions Economics { get; set; } = new();
}
