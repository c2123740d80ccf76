using CoCoGen.Federation.Adapters.Calibration;
using CoCoGen.Federation.Ports;
using CoCoGen.Mechanism.Baselines;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;
using MechanismOrganization = CoCoGen.Mechanism.Scenarios.OrganizationProfile;
using OrganizationProfile = CoCoGen.Federation.Ports.OrganizationProfile;

namespace CoCoGen.Federation.Adapters.Guidance;

/// <summary>
/// Step 0 through the Mechanism layer: builds the round's scenario from the organizations' data sizes,
/// the calibrated loss curves and seeded economics (Table II ranges), solves the CoCoGen+ equilibrium,
/// or applies the selected baseline's decision rule.
/// </summary>
public sealed class MechanismGuidancePolicy : IGuidancePolicy
{
    private readonly MechanismOptions _options;
    private readonly ScalingCalibration _calibration;
    private readonly int _seed;
    private readonly BaselineKind _rule;

    /// <summary>Creates the policy.</summary>
    public MechanismGuidancePolicy(MechanismOptions options, ScalingCalibration calibration, int seed)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _calibration = calibration ?? throw new ArgumentNullException(nameof(calibration));
        _seed = seed;
        _rule = options.Rule.ToLowerInvariant() switch
        {
            "cocogen+" => BaselineKind.CoCoGenPlus,
            "vcfl" => BaselineKind.Vcfl,
            "wco" => BaselineKind.Wco,
            "wdg" => BaselineKind.Wdg,
            "radg" => BaselineKind.Radg,
            "madg" => BaselineKind.Madg,
            _ => throw new ArgumentException($"Mechanism:Rule: unknown rule '{options.Rule}'", nameof(options)),
        };
    }

    /// <inheritdoc/>
    public string Name => _options.Rule.ToLowerInvariant();

    /// <summary>The scenario the policy solves for <paramref name="organizations"/>.</summary>
    public Scenario Scenario(IReadOnlyList<OrganizationProfile> organizations)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var n = organizations.Count;
        var random = new Random(_seed);
        var members = new MechanismOrganization[n];
        for (var i = 0; i < n; i++)
        {
            var valuation = Uniform(random, 800, 1200);
            var rivalRate = valuation * Uniform(random, 0.8, 1.0);
            var frequency = Uniform(random, 2.5e9, 4e9);
            var curve = _calibration.Curves.Count == n
                ? new LossCurve(_calibration.Curves[i].A, _calibration.Curves[i].B, _calibration.Curves[i].C)
                : new LossCurve(_calibration.A, _calibration.B, _calibration.C);
            members[i] = new MechanismOrganization(
                organizations[i].Id, organizations[i].LocalSamples, _options.MaxSynthetic, frequency, 1e-28, valuation, rivalRate, curve);
        }

        var gamma = _options.GammaShare * members.Min(m => m.RivalRate);
        var parameters = new ScenarioParameters(
            GlobalLossModel.Separable, ContributionMeasure.Performance, 1.0, Math.Log(10), gamma, 1.0, 0.0, 1e5, 2e5);
        return Mechanism.Scenarios.Scenario.Create(parameters, members, new UniformCompetition(n, _options.RhoBar));
    }

    /// <inheritdoc/>
    public CompetitionTerms Terms(IReadOnlyList<OrganizationProfile> organizations)
    {
        var scenario = Scenario(organizations);
        var n = scenario.Count;
        var noCompetition = _rule is BaselineKind.Vcfl or BaselineKind.Wco;
        var rho = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rho[(i * n) + j] = noCompetition ? 0 : scenario.Competition.Normalised(i, j);
            }
        }

        var phiMin = scenario.RivalRate.ToArray().Min();
        return new CompetitionTerms(rho, _rule == BaselineKind.Vcfl ? 0 : scenario.Parameters.Gamma, phiMin);
    }

    /// <inheritdoc/>
    public RoundGuidance Solve(IReadOnlyList<OrganizationProfile> organizations)
    {
        var scenario = Scenario(organizations);
        var equilibrium = EquilibriumSolver.Solve(scenario);
        var generation = _rule == BaselineKind.CoCoGenPlus
            ? equilibrium.Generation
            : BaselineEvaluator.Evaluate(scenario, equilibrium, _seed).First(b => b.Kind == _rule).Generation;
        var outcome = new OutcomeEvaluator(scenario).Evaluate(generation.ToArray());
        return new RoundGuidance(generation.ToArray(), outcome.Utilities.ToArray(), outcome.SocialWelfare, outcome.GlobalLoss);
    }

    private static double Uniform(Random random, double low, double high) => low + ((high - low) * random.NextDouble());
}
