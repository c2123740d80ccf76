using System.ComponentModel.DataAnnotations;

namespace CoCoGen.Federation.Protocol;

/// <summary>How the coordinator runs the rounds (section <c>Protocol</c> of the configuration).</summary>
public sealed class ProtocolOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Protocol";

    /// <summary>Training rounds after generator pre-training.</summary>
    [Range(1, 10_000, ErrorMessage = "Protocol:Rounds must be between {1} and {2}")]
    public int Rounds { get; set; } = 12;

    /// <summary>FedAvg steps of conditional-generator pre-training before round 1.</summary>
    [Range(0, 1_000, ErrorMessage = "Protocol:GeneratorSteps must be between {1} and {2}")]
    public int GeneratorSteps { get; set; } = 2;

    /// <summary>Seconds an organization may take for its local work before it counts as a straggler.</summary>
    [Range(0.1, 86_400, ErrorMessage = "Protocol:StragglerTimeoutSeconds must be between {1} and {2}")]
    public double StragglerTimeoutSeconds { get; set; } = 300;

    /// <summary>
    /// Seconds the coordinator waits for an organization's review of a commitment (its recomputation and its vote);
    /// one that does not answer counts as silent, and silence is acceptance once the challenge window ends.
    /// </summary>
    [Range(0.1, 86_400, ErrorMessage = "Protocol:ReviewTimeoutSeconds must be between {1} and {2}")]
    public double ReviewTimeoutSeconds { get; set; } = 120;

    /// <summary>An update farther from the global model than this many times the round's median is rejected.</summary>
    [Range(1.5, 1e6, ErrorMessage = "Protocol:UpdateNormFactor must be between {1} and {2}")]
    public double UpdateNormFactor { get; set; } = 10;

    /// <summary>Organizations training at the same time in one process (each on Learning:Threads threads).</summary>
    [Range(1, 64, ErrorMessage = "Protocol:MaxParallelOrganizations must be between {1} and {2}")]
    public int MaxParallelOrganizations { get; set; } = 2;

    /// <summary>Bond every organization deposits before round 1, in ether (at least Settlement:MinBondEther).</summary>
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Protocol:BondEther must be between {1} and {2}")]
    public decimal BondEther { get; set; } = 100m;

    /// <summary>Wei per money unit of the mechanism (how utilities become payments).</summary>
    [Range(typeof(decimal), "1", "1000000000000000000000", ErrorMessage = "Protocol:WeiPerUnit must be between {1} and {2}")]
    public decimal WeiPerUnit { get; set; } = 1_000_000_000_000_000m;

    /// <summary>The settlement contract's limits and timeouts (section <c>Protocol:Settlement</c>).</summary>
    public SettlementOptions Settlement { get; set; } = new();

    /// <summary>
    /// How x_i is measured: <c>performance</c> (L(−i) − L on the round's validation subset), <c>data</c>
    /// (verified D_i + g_i, TradeFL's measure) or <c>shapley</c> (Monte Carlo Shapley value in loss reduction).
    /// </summary>
    [RegularExpression("^(performance|data|shapley)$", ErrorMessage = "Protocol:Measure must be performance, data or shapley")]
    public string Measure { get; set; } = "performance";

    /// <summary>Permutations of the Monte Carlo Shapley values sampled each round (0: none; at least 2 with Measure = shapley).</summary>
    [Range(0, 10_000, ErrorMessage = "Protocol:ShapleyPermutations must be between {1} and {2}")]
    public int ShapleyPermutations { get; set; }

    /// <summary>
    /// The coordinator's secret from which each round's validation seed is derived (any text; empty: derived from the
    /// run seed, which every member knows, so a member could predict the subset: set it in a real consortium).
    /// </summary>
    public string ValidationSecret { get; set; } = "";

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var settlement = new List<ValidationResult>();
        Validator.TryValidateObject(Settlement, new ValidationContext(Settlement), settlement, validateAllProperties: true);
        foreach (var result in settlement)
        {
            yield return result;
        }

        if (BondEther < Settlement.MinBondEther)
        {
            yield return new ValidationResult(
                $"Protocol:BondEther ({BondEther}) must be at least Protocol:Settlement:MinBondEther ({Settlement.MinBondEther}), or no organization takes part in round 1",
                [nameof(BondEther)]);
        }

        if (Measure == "shapley" && ShapleyPermutations < 2)
        {
            yield return new ValidationResult(
                $"Protocol:ShapleyPermutations must be at least 2 when Protocol:Measure is shapley (it is {ShapleyPermutations})", [nameof(ShapleyPermutations)]);
        }
    }
}
