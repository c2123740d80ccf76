namespace CoCoGen.Federation.Adapters.Experiments;

/// <summary>One configuration of the grid and the rule applied there.</summary>
/// <param name="Alpha">Dirichlet α of the data split.</param>
/// <param name="RhoBar">Mean competitive intensity.</param>
/// <param name="GammaShare">γ as a share of min φ.</param>
/// <param name="Rule">Decision rule (<see cref="ExperimentSettings.KnownRules"/>).</param>
public sealed record ExperimentPoint(double Alpha, double RhoBar, double GammaShare, string Rule)
{
    /// <summary>
    /// The distinct points of the grid: the α axis and the ρ̄ axis with every rule, the γ axis with CoCoGen+ only (when
    /// it is among the rules); a point shared by two axes appears once.
    /// </summary>
    public static IReadOnlyList<ExperimentPoint> Grid(ExperimentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var points = new List<ExperimentPoint>();
        foreach (var alpha in settings.Alphas)
        {
            points.AddRange(settings.Rules.Select(r => new ExperimentPoint(alpha, settings.CentreRhoBar, settings.CentreGammaShare, r)));
        }

        foreach (var rho in settings.RhoBars)
        {
            points.AddRange(settings.Rules.Select(r => new ExperimentPoint(settings.CentreAlpha, rho, settings.CentreGammaShare, r)));
        }

        if (settings.Rules.Contains("cocogen+"))
        {
            points.AddRange(settings.GammaShares.Select(s => new ExperimentPoint(settings.CentreAlpha, settings.CentreRhoBar, s, "cocogen+")));
        }

        return [.. points.Distinct()];
    }
}
