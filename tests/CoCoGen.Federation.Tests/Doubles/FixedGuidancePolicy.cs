using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>Guidance g_i = 100·(i+1) and contributions growing with the synthetic samples used.</summary>
internal sealed class FixedGuidancePolicy : IGuidancePolicy
{
    public string Name => "fixed";

    public SettlementMode Settlement { get; init; } = SettlementMode.PairRule;

    public CompetitionTerms Terms(IReadOnlyList<OrganizationProfile> organizations)
    {
        var n = organizations.Count;
        var rho = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rho[(i * n) + j] = i == j ? 0 : 0.5 / (n - 1);
            }
        }

        return new CompetitionTerms(rho, 400, 500);
    }

    public RoundGuidance Solve(IReadOnlyList<OrganizationProfile> organizations, IReadOnlyList<LossObservation> observations) =>
        new(organizations.Select((_, i) => 100.0 * (i + 1)).ToArray(), organizations.Select(_ => 10.0).ToArray(), 10.0 * organizations.Count, 0.5);
}
