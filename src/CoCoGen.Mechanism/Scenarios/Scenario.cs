namespace CoCoGen.Mechanism.Scenarios;

/// <summary>
/// A validated scenario in struct-of-arrays layout: one contiguous array per per-organization quantity,
/// plus the derived quantities every solver needs (cost slopes β_i, loss weights π_i, competition
/// pressure k_i). Immutable; the <c>With…</c> methods return validated copies.
/// </summary>
public sealed class Scenario
{
    private readonly string[] ids;
    private readonly double[] localSamples;
    private readonly double[] maxSynthetic;
    private readonly double[] frequencyHz;
    private readonly double[] capacitance;
    private readonly double[] valuation;
    private readonly double[] rivalRate;
    private readonly double[] curveA;
    private readonly double[] curveB;
    private readonly double[] curveC;
    private readonly double[] lossWeights;
    private readonly double[] costSlope;
    private readonly double[] pressure;
    private readonly double[] explicitWeights;

    private Scenario(
        ScenarioParameters parameters,
        IReadOnlyList<OrganizationProfile> organizations,
        CompetitionStructure competition,
        LossWeighting weighting,
        IReadOnlyList<double>? explicitLossWeights,
        LossCurveTable? lossCurveTable,
        ScenarioLoadOptions options)
    {
        Parameters = parameters;
        Competition = competition;
        Weighting = weighting;
        LossCurveTable = lossCurveTable;
        Options = options;
        int n = organizations.Count;
        Count = n;
        ids = new string[n];
        localSamples = new double[n];
        maxSynthetic = new double[n];
        frequencyHz = new double[n];
        capacitance = new double[n];
        valuation = new double[n];
        rivalRate = new double[n];
        curveA = new double[n];
        curveB = new double[n];
        curveC = new double[n];
        for (int i = 0; i < n; i++)
        {
            OrganizationProfile o = organizations[i];
            ids[i] = o.Id;
            localSamples[i] = o.LocalSamples;
            maxSynthetic[i] = o.MaxSynthetic;
            frequencyHz[i] = o.FrequencyHz;
            capacitance[i] = o.Capacitance;
            valuation[i] = o.Valuation;
            rivalRate[i] = o.RivalRate;
            curveA[i] = o.LossCurve.A;
            curveB[i] = o.LossCurve.B;
            curveC[i] = o.LossCurve.C;
        }

        explicitWeights = explicitLossWeights?.ToArray() ?? [];
        lossWeights = ComputeLossWeights(weighting, localSamples, explicitWeights);
        costSlope = new double[n];
        double cycles = parameters.CyclesTrainPerSample + parameters.CyclesGeneratePerSample;
        for (int i = 0; i < n; i++)
        {
            costSlope[i] = parameters.Omega * capacitance[i] * frequencyHz[i] * frequencyHz[i] * cycles;
        }

        var margin = new double[n];
        for (int j = 0; j < n; j++)
        {
            margin[j] = rivalRate[j] - parameters.Gamma;
        }

        pressure = new double[n];
        competition.Multiply(margin, pressure);
    }

    /// <summary>The consortium-wide parameters.</summary>
    public ScenarioParameters Parameters { get; }

    /// <summary>The raw competitive intensities.</summary>
    public CompetitionStructure Competition { get; }

    /// <summary>How the separable loss weights π were chosen.</summary>
    public LossWeighting Weighting { get; }

    /// <summary>Loss curves per heterogeneity level α, when the scenario ships them.</summary>
    public LossCurveTable? LossCurveTable { get; }

    /// <summary>The validation options the scenario was accepted under.</summary>
    public ScenarioLoadOptions Options { get; }

    /// <summary>Number of organizations n.</summary>
    public int Count { get; }

    /// <summary>Organization identifiers.</summary>
    public IReadOnlyList<string> Ids => ids;

    /// <summary>D_i.</summary>
    public ReadOnlySpan<double> LocalSamples => localSamples;

    /// <summary>G_i.</summary>
    public ReadOnlySpan<double> MaxSynthetic => maxSynthetic;

    /// <summary>f_i.</summary>
    public ReadOnlySpan<double> FrequencyHz => frequencyHz;

    /// <summary>κ_i.</summary>
    public ReadOnlySpan<double> Capacitance => capacitance;

    /// <summary>p_i.</summary>
    public ReadOnlySpan<double> Valuation => valuation;

    /// <summary>φ_i.</summary>
    public ReadOnlySpan<double> RivalRate => rivalRate;

    /// <summary>Loss-curve scales a_i.</summary>
    public ReadOnlySpan<double> CurveA => curveA;

    /// <summary>Loss-curve exponents b_i.</summary>
    public ReadOnlySpan<double> CurveB => curveB;

    /// <summary>Loss-curve floors c_i.</summary>
    public ReadOnlySpan<double> CurveC => curveC;

    /// <summary>π_i, the fixed weights of the separable global loss (also reported for fedavg).</summary>
    public ReadOnlySpan<double> LossWeights => lossWeights;

    /// <summary>β_i = ω κ_i f_i² (c^t + c^g): the marginal cost of one synthetic sample.</summary>
    public ReadOnlySpan<double> CostSlope => costSlope;

    /// <summary>k_i = Σ_j ρ̂_ij (φ_j − γ): net competition pressure per unit of own contribution.</summary>
    public ReadOnlySpan<double> CompetitionPressure => pressure;

    /// <summary>The loss curve of organization i.</summary>
    public LossCurve CurveOf(int i) => new(curveA[i], curveB[i], curveC[i]);

    /// <summary>The profile of organization i.</summary>
    public OrganizationProfile Organization(int i) =>
        new(ids[i], localSamples[i], maxSynthetic[i], frequencyHz[i], capacitance[i], valuation[i], rivalRate[i], CurveOf(i));

    /// <summary>Every profile, in order.</summary>
    public IReadOnlyList<OrganizationProfile> Organizations() =>
        Enumerable.Range(0, Count).Select(Organization).ToArray();

    /// <summary>Indices of organizations with φ_j &lt; γ: those Remark 2 says would exit.</summary>
    public IReadOnlyList<int> Remark2Exits()
    {
        var exits = new List<int>();
        for (int j = 0; j < Count; j++)
        {
            if (rivalRate[j] < Parameters.Gamma)
            {
                exits.Add(j);
            }
        }

        return exits;
    }

    /// <summary>Validates the inputs and builds a scenario; throws <see cref="ScenarioValidationException"/>.</summary>
    public static Scenario Create(
        ScenarioParameters parameters,
        IReadOnlyList<OrganizationProfile> organizations,
        CompetitionStructure competition,
        LossWeighting weighting = LossWeighting.DataShare,
        IReadOnlyList<double>? explicitLossWeights = null,
        LossCurveTable? lossCurveTable = null,
        ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(competition);
        options ??= ScenarioLoadOptions.Strict;
        ScenarioValidator.Validate(parameters, organizations, competition, weighting, explicitLossWeights, lossCurveTable, options);
        return new Scenario(parameters, organizations, competition, weighting, explicitLossWeights, lossCurveTable, options);
    }

    /// <summary>A copy with a different γ (validated against Remark 1 under the same options).</summary>
    public Scenario WithGamma(double gamma) =>
        Create(Parameters with { Gamma = gamma }, Organizations(), Competition, Weighting, ExplicitWeightsOrNull(), LossCurveTable, Options);

    /// <summary>A copy with a different competition structure.</summary>
    public Scenario WithCompetition(CompetitionStructure competition) =>
        Create(Parameters, Organizations(), competition, Weighting, ExplicitWeightsOrNull(), LossCurveTable, Options);

    /// <summary>A copy whose loss curves are those of <paramref name="entry"/>.</summary>
    public Scenario WithLossCurves(LossCurveTableEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Curves.Count != Count)
        {
            throw new ScenarioValidationException(
                $"lossCurveTable entry for alpha {entry.Alpha} has {entry.Curves.Count} curves; expected one per organization ({Count}).");
        }

        OrganizationProfile[] orgs = Enumerable.Range(0, Count)
            .Select(i => Organization(i) with { LossCurve = entry.Curves[i] })
            .ToArray();
        return Create(Parameters, orgs, Competition, Weighting, ExplicitWeightsOrNull(), LossCurveTable, Options);
    }

    /// <summary>
    /// The scenario restricted to the organizations at <paramref name="indices"/>: raw ρ kept, so ρ̂ is
    /// renormalised by the new n − 1, and data-share weights are recomputed over those who remain.
    /// </summary>
    public Scenario Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        OrganizationProfile[] orgs = indices.Select(Organization).ToArray();
        double[]? weights = null;
        if (Weighting == LossWeighting.Explicit)
        {
            double total = indices.Sum(i => explicitWeights[i]);
            weights = indices.Select(i => explicitWeights[i] / total).ToArray();
        }

        LossCurveTable? table = LossCurveTable is null
            ? null
            : LossCurveTable with
            {
                Entries = LossCurveTable.Entries
                    .Select(e => e with { Curves = indices.Select(i => e.Curves[i]).ToArray() })
                    .ToArray(),
            };
        return Create(Parameters, orgs, Competition.Subset(indices), Weighting, weights, table, Options);
    }

    private double[]? ExplicitWeightsOrNull() => Weighting == LossWeighting.Explicit ? explicitWeights : null;

    private static double[] ComputeLossWeights(LossWeighting weighting, double[] local, double[] explicitWeights)
    {
        int n = local.Length;
        var pi = new double[n];
        switch (weighting)
        {
            case LossWeighting.Uniform:
                Array.Fill(pi, 1.0 / n);
                break;
            case LossWeighting.Explicit:
                Array.Copy(explicitWeights, pi, n);
                break;
            default:
                double total = local.Sum();
                for (int i = 0; i < n; i++)
                {
                    pi[i] = local[i] / total;
                }

                break;
        }

        return pi;
    }
}
