using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using System.Text;
using Nethereum.Util;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>A deployed settlement with registered, bonded members, and the off-chain ledger the tests hold it to.</summary>
public sealed class SettlementScenario
{
    public static readonly BigInteger Wad = SettlementTransferPreview.WadScale;
    public static readonly BigInteger WeiPerUnit = BigInteger.Pow(10, 15);

    private SettlementScenario(CoCoGenSettlementService coordinator, IReadOnlyList<CoCoGenSettlementService> members, BigInteger[,] rho, BigInteger gamma)
    {
        Coordinator = coordinator;
        Members = members;
        Rho = rho;
        Gamma = gamma;
        ExpectedBonds = new BigInteger[members.Count];
    }

    public CoCoGenSettlementService Coordinator { get; }

    public IReadOnlyList<CoCoGenSettlementService> Members { get; }

    public BigInteger[,] Rho { get; }

    public BigInteger Gamma { get; }

    public BigInteger[] ExpectedBonds { get; }

    /// <summary>Deploys from account 0, registers accounts firstMember … firstMember+n−1, sets ρ̂ from the seed, γ, and bonds.</summary>
    public static async Task<SettlementScenario> CreateAsync(HardhatFixture chain, int memberCount, int firstMember, BigInteger gammaWad, IReadOnlyList<BigInteger> bonds, int seed)
    {
        var deployer = chain.Sender(0);
        var (coordinator, _) = await CoCoGenSettlementService.DeployAsync(deployer, WeiPerUnit, 3600);
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
        var scenario = new SettlementScenario(coordinator, members, rho, gammaWad);
        await Task.WhenAll(members.Select((member, index) => member.DepositSubmitAsync(bonds[index])));
        for (var index = 0; index < memberCount; index++)
        {
            scenario.ExpectedBonds[index] = bonds[index];
        }

        return scenario;
    }

    public static Profile ProfileFor(int round, int member, BigInteger contributionWad) => new()
    {
        LocalSamples = 600 + (ulong)member,
        SyntheticSamples = 100 + (ulong)round,
        LossWad = Wad / 2 + member,
        ContributionWad = contributionWad,
        WeightsHash = Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes($"weights round {round} member {member}")),
    };

    /// <summary>Random contributions in (−2, 2) units, from the seed.</summary>
    public static BigInteger[] Contributions(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new BigInteger((random.NextDouble() * 4 - 2) * 1e18)).ToArray();
    }

    /// <summary>Opens the round, records and submits every profile (members in parallel), closes it.</summary>
    public async Task RunRoundToClosedAsync(int round, BigInteger[] contributions, IReadOnlySet<int>? silent = null, Func<Task>? passDeadline = null)
    {
        await Coordinator.OpenRoundAsync(round);
        var profiles = contributions.Select((x, member) => ProfileFor(round, member, x)).ToArray();
        await Task.WhenAll(Members.Select((member, index) => Coordinator.ProfileRecordAsync(round, member.Account, profiles[index])));
        await Task.WhenAll(Members.Select((member, index) => silent?.Contains(index) == true ? Task.CompletedTask : member.ContributionSubmitAsync(round, profiles[index])));
        if (passDeadline is not null)
        {
            await passDeadline();
        }

        await Coordinator.CloseRoundAsync(round);
    }

    public BigInteger[] Preview(BigInteger[] contributions, IReadOnlySet<int>? silent = null) =>
        SettlementTransferPreview.NetWei(
            contributions.Select((x, index) => silent?.Contains(index) == true ? BigInteger.Zero : x).ToArray(),
            Enumerable.Repeat(true, Members.Count).ToArray(), Rho, Gamma, WeiPerUnit);

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

    public IEnumerable<EthereumAddress> Accounts => Members.Select(member => member.Account);
}
