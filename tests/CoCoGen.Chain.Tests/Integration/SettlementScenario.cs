using System.Numerics;
using System.Text;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using Nethereum.Util;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>A deployed settlement (v2) with registered, bonded members and a bonded coordinator, and the off-chain ledger the tests hold it to.</summary>
public sealed class SettlementScenario
{
    public static readonly BigInteger Wad = SettlementTransferPreview.WadScale;
    public static readonly BigInteger WeiPerUnit = BigInteger.Pow(10, 15);
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    /// <summary>minBond 0.5 ether ≥ debitCap 0.3 + stake 0.1; the coordinator bonds 1 ether.</summary>
    public static readonly SettlementLimits DefaultLimits = new(Ether / 2, Ether * 3 / 10, Ether / 10, Ether);

    public static readonly SettlementTimeouts Timeouts = new(3600, 30, 86_400);

    private readonly HardhatFixture _chain;

    private SettlementScenario(HardhatFixture chain, CoCoGenSettlementService coordinator, IReadOnlyList<CoCoGenSettlementService> members, BigInteger[,] rho, BigInteger gamma, SettlementLimits limits)
    {
        _chain = chain;
        Coordinator = coordinator;
        Members = members;
        Rho = rho;
        Gamma = gamma;
        Limits = limits;
        ExpectedBonds = new BigInteger[members.Count];
    }

    public CoCoGenSettlementService Coordinator { get; }

    public IReadOnlyList<CoCoGenSettlementService> Members { get; }

    public BigInteger[,] Rho { get; }

    public BigInteger Gamma { get; }

    public SettlementLimits Limits { get; }

    public BigInteger[] ExpectedBonds { get; }

    public IEnumerable<EthereumAddress> Accounts => Members.Select(member => member.Account);

    /// <summary>
    /// Deploys from account 0, registers accounts firstMember … firstMember+n−1, sets ρ̂ from the seed, γ and the limits,
    /// bonds the coordinator and the members, and moves the clock past the rule's notice.
    /// </summary>
    public static async Task<SettlementScenario> CreateAsync(
        HardhatFixture chain, int memberCount, int firstMember, BigInteger gammaWad, IReadOnlyList<BigInteger> bonds, int seed, SettlementLimits? limits = null)
    {
        limits ??= DefaultLimits;
        var (coordinator, _) = await CoCoGenSettlementService.DeployAsync(chain.Sender(0), WeiPerUnit, Timeouts);
        var members = new List<CoCoGenSettlementService>();
        for (var index = 0; index < memberCount; index++)
        {
            var member = coordinator.As(chain.Sender(firstMember + index));
            members.Add(member);
            await coordinator.RegisterMemberAsync(member.Account);
        }

        var random = new Random(seed);
        var rho = new BigInteger[memberCount, memberCount];
        for (var i = 0; i < memberCount; i++)
        {
            for (var j = i + 1; j < memberCount; j++)
            {
                // ρ̂ = ρ / (n − 1) with ρ ∈ [0, 1).
                rho[i, j] = rho[j, i] = new BigInteger(random.NextDouble() * 1e18) / (memberCount - 1);
            }
        }

        await coordinator.SetCompetitionAsync(Flatten(rho));
        await coordinator.SetGammaAsync(gammaWad, Wad);
        await coordinator.SetLimitsAsync(limits);
        await coordinator.DepositSubmitAsync(limits.CoordinatorBondWei);
        var scenario = new SettlementScenario(chain, coordinator, members, rho, gammaWad, limits);
        await Task.WhenAll(members.Select((member, index) => member.DepositSubmitAsync(bonds[index])));
        for (var index = 0; index < memberCount; index++)
        {
            scenario.ExpectedBonds[index] = bonds[index];
        }

        await chain.Chain.AdvanceDevelopmentClockAsync((long)Timeouts.ChallengeWindowSeconds + 1, CancellationToken.None);
        return scenario;
    }

    public static byte[] SeedHash(int round) => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes($"validation seed of round {round}"));

    public static byte[] EvidenceRoot(int round) => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes($"evidence bundle of round {round}"));

    /// <summary>Random contributions in (−2, 2) units, from the seed.</summary>
    public static BigInteger[] Contributions(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new BigInteger((random.NextDouble() * 4 - 2) * 1e18)).ToArray();
    }

    /// <summary>Opens the round (pair rule) and commits <paramref name="contributions"/> with its evidence root.</summary>
    public async Task CommitAsync(int round, BigInteger[] contributions)
    {
        await Coordinator.OpenRoundAsync(round, SeedHash(round), SettlementMode.PairRule);
        await Coordinator.CommitContributionsAsync(round, contributions, EvidenceRoot(round));
    }

    /// <summary>The off-chain preview with every member in the round and the scenario's debit cap.</summary>
    public BigInteger[] Preview(BigInteger[] contributions) =>
        SettlementTransferPreview.NetWei(contributions, Enumerable.Repeat(true, Members.Count).ToArray(), Rho, Gamma, WeiPerUnit, Limits.DebitCapWei);

    /// <summary>Moves the chain's clock past the round's challenge deadline.</summary>
    public Task PassChallengeWindowAsync() => _chain.Chain.AdvanceDevelopmentClockAsync((long)Timeouts.ChallengeWindowSeconds + 1, CancellationToken.None);

    public static BigInteger[] Flatten(BigInteger[,] matrix)
    {
        var n = matrix.GetLength(0);
        var flat = new BigInteger[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                flat[(i * n) + j] = matrix[i, j];
            }
        }

        return flat;
    }
}
