using CoCoGen.Federation.Adapters.Calibration;
using CoCoGen.Mechanism.Calibration;
using CoCoGen.Federation.Ports;
using CoCoGen.Mechanism.Baselines;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;
using MechanismOrganization = CoCoGen.Mechanism.Scenarios.OrganizationProfile;
using OrganizationProfile = CoCoGen.Federation.Ports.OrganizationProfile;

namespace CoCoGen.Federation.Adapters.Guidance;

/// <summary>
/// Step 0 through the Mechanism layer: builds the round's scenario from the organizations' data sizes, the
/// calibrated loss curves moved towards what earlier rounds measured, and the configured economics (Table II
/// ranges by default), solves the CoCoGen+ equilibrium, or applies the selected baseline's decision rule.
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
            // M^Shap changes how contributions are paid (a net vector from measured Shapley values), not the generation game.
            "cocogen+" or "mshap" => BaselineKind.CoCoGenPlus,
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

    /// <inheritdoc/>
    public SettlementMode Settlement => Name == "mshap" ? SettlementMode.NetVector : SettlementMode.PairRule;

    /// <summary>
    /// The scenario the policy solves for <paramref name="organizations"/>: each organization's economics from
    /// <c>Mechanism:Economics</c> (a value not configured is drawn from Table II's range with the run's seed, in
    /// organization order, so the draws do not depend on which values are configured), and its calibrated curve,
    /// moved towards the losses in <paramref name="observations"/> when <c>Mechanism:FollowRun</c> is on.
    /// </summary>
    public Scenario Scenario(IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<LossObservation>? observations = null)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var economics = _options.Economics;
        var unknown = economics.Organizations.Keys.FirstOrDefault(id => !organizations.Any(o => o.Id == id));
        if (unknown is not null)
        {
            throw new ArgumentException($"Mechanism:Economics:Organizations:{unknown}: no organization of this run has that id", nameof(organizations));
        }

        var n = organizations.Count;
        var random = new Random(_seed);
        var members = new MechanismOrganization[n];
        for (var i = 0; i < n; i++)
        {
            // Draw every value, configured or not, so a configured value leaves the other organizations' draws alone.
            var drawnValuation = Uniform(random, 800, 1200);
            var drawnRivalShare = Uniform(random, 0.8, 1.0);
            var drawnFrequency = Uniform(random, 2.5e9, 4e9);
            var own = economics.Organizations.GetValueOrDefault(organizations[i].Id) ?? new OrganizationEconomics();
            var valuation = own.Revenue ?? drawnValuation;
            var rivalRate = own.RivalRate ?? valuation * drawnRivalShare;
            var prior = _calibration.Curves.Count == n
                ? new LossCurve(_calibration.Curves[i].A, _calibration.Curves[i].B, _calibration.Curves[i].C)
                : new LossCurve(_calibration.A, _calibration.B, _calibration.C);
            var curve = Followed(prior, i, organizations[i].LocalSamples, observations);
            members[i] = new MechanismOrganization(
                organizations[i].Id, organizations[i].LocalSamples, _options.MaxSynthetic, own.Frequency ?? drawnFrequency, own.Capacitance ?? 1e-28, valuation, rivalRate, curve);
        }

        var gamma = _options.GammaShare * members.Min(m => m.RivalRate);
        var parameters = new ScenarioParameters(
            GlobalLossModel.Separable, ContributionMeasure.Performance, economics.Xi, Math.Log(10), gamma, economics.OperatingCost, economics.Fee, economics.TrainCycles, economics.GenerateCycles);
        return Mechanism.Scenarios.Scenario.Create(parameters, members, new UniformCompetition(n, _options.RhoBar));
    }

    private LossCurve Followed(LossCurve prior, int organization, long localSamples, IReadOnlyList<LossObservation>? observations)
    {
        if (!_options.FollowRun || observations is null)
        {
            return prior;
        }

        var own = observations.Where(o => o.Organization == organization).ToArray();
        if (own.Length == 0)
        {
            return prior;
        }

        var latest = own.Max(o => o.Round);
        var points = own.Select(o => new LossObservationPoint(o.Samples, o.Loss, Math.Pow(_options.ObservationDecay, latest - o.Round))).ToArray();
        return LossCurveUpdate.Apply(prior, Math.Max(1, localSamples), _options.CurvePriorWeight, points);
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
    public RoundGuidance Solve(IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<LossObservation> observations)
    {
        var scenario = Scenario(organizations, observations);
        var equilibrium = EquilibriumSolver.Solve(scenario);
        var generation = _rule == BaselineKind.CoCoGenPlus
            ? equilibrium.Generation
            : BaselineEvaluator.Evaluate(scenario, equilibrium, _seed).First(b => b.Kind == _rule).Generation;
        var outcome = new OutcomeEvaluator(scenario).Evaluate(generation.ToArray());
        return new RoundGuidance(generation.ToArray(), outcome.Utilities.ToArray(), outcome.SocialWelfare, outcome.GlobalLoss);
    }

    private static double Uniform(Random random, double low, double high) => low + ((high - low) * random.NextDouble());
}
