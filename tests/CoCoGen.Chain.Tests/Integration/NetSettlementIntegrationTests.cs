using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>payoffTransferNet (a budget-balanced net vector computed off chain) against the real Hardhat node.</summary>
[Collection(HardhatNodeGroup.Name)]
public sealed class NetSettlementIntegrationTests(HardhatFixture chain)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task A_net_vector_settles_to_the_wei_after_typed_reverts_for_a_nonzero_sum_and_an_uncovered_payer()
    {
        BigInteger[] bonds = [Ether, Ether, 1000, Ether];
        var scenario = await SettlementScenario.CreateAsync(chain, 4, 16, 0, bonds, seed: 17);
        await scenario.RunRoundToClosedAsync(1, SettlementScenario.Contributions(4, seed: 18));
        var coordinator = scenario.Coordinator;

        var (nonZero, nonZeroException) = await SettlementRevert.ExpectAsync<CoCoGenSettlementNetSumNonZeroError>(() => coordinator.PayoffTransferNetAsync(1, [-1, 0, 0, 2]));
        Assert.Equal(BigInteger.One, nonZero.Round);
        Assert.Equal(BigInteger.One, nonZero.Sum);
        Assert.Contains("payoffTransferNet on", nonZeroException.Message, StringComparison.Ordinal);

        var (uncovered, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementUncoveredPayerError>(() => coordinator.PayoffTransferNetAsync(1, [1500, 500, -2000, 0]));
        Assert.Equal(scenario.Members[2].Account, EthereumAddress.Parse(uncovered.Member));
        Assert.Equal(new BigInteger(1000), uncovered.Bond);
        Assert.Equal(new BigInteger(2000), uncovered.Debit);

        var (length, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementNetLengthError>(() => coordinator.PayoffTransferNetAsync(1, [0, 0, 0]));
        Assert.Equal(new BigInteger(4), length.Expected);
        var (notCoordinator, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementNotCoordinatorError>(() => scenario.Members[0].PayoffTransferNetAsync(1, [0, 0, 0, 0]));
        Assert.Equal(scenario.Members[0].Account, EthereumAddress.Parse(notCoordinator.Caller));

        Assert.Equal(RoundStatus.Closed, await coordinator.RoundStatusAsync(1));
        for (var member = 0; member < 4; member++)
        {
            Assert.Equal(bonds[member], await coordinator.BondOfAsync(scenario.Members[member].Account));
        }

        // Odd amounts; member 2 pays exactly its whole bond.
        BigInteger[] net = [BigInteger.Parse("-123456789012345678", CultureInfo.InvariantCulture), BigInteger.Parse("98765432109876543", CultureInfo.InvariantCulture), -1000, BigInteger.Parse("24691356902470135", CultureInfo.InvariantCulture)];
        SettlementNetVector.EnsureBalanced(net);
        var receipt = await coordinator.PayoffTransferNetAsync(1, net);

        var published = Assert.Single(coordinator.EventsIn<PayoffNetTransferredEventDTO>(receipt));
        Assert.Equal(coordinator.Account, EthereumAddress.Parse(published.SettledBy));
        Assert.Equal(SettlementNetVector.Hash(net), published.NetHash);
        var transferred = coordinator.EventsIn<PayoffTransferredEventDTO>(receipt);
        Assert.Equal(net, transferred.Select(transfer => transfer.NetWei));
        Assert.Equal(coordinator.Account, EthereumAddress.Parse(Assert.Single(coordinator.EventsIn<RoundSettledEventDTO>(receipt)).SettledBy));
        for (var member = 0; member < 4; member++)
        {
            Assert.Equal(bonds[member] + net[member], await coordinator.BondOfAsync(scenario.Members[member].Account));
        }

        Assert.Equal(BigInteger.Zero, await coordinator.BondOfAsync(scenario.Members[2].Account));
        Assert.Equal(RoundStatus.Settled, await coordinator.RoundStatusAsync(1));
        var total = bonds.Aggregate(BigInteger.Zero, (sum, bond) => sum + bond);
        Assert.Equal(total, await chain.BalanceAsync(coordinator.Address));

        // Settled once: neither path applies again.
        var (again, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementRoundNotClosedError>(() => coordinator.PayoffTransferNetAsync(1, net));
        Assert.Equal((byte)RoundStatus.Settled, again.Status);
        await SettlementRevert.ExpectAsync<CoCoGenSettlementRoundNotClosedError>(() => coordinator.PayoffTransferAsync(1));
    }
}
