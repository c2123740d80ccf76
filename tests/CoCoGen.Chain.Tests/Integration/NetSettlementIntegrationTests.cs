using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>commitNet (a budget-balanced net vector computed off chain, M^Shap) against the real Hardhat node.</summary>
[Collection(HardhatNodeGroup.Name)]
public sealed class NetSettlementIntegrationTests(HardhatFixture chain)
{
    private static readonly BigInteger Ether = SettlementScenario.Ether;

    [Fact]
    public async Task A_net_vector_settles_to_the_wei_after_typed_reverts_for_a_nonzero_sum_and_a_debit_above_the_cap()
    {
        BigInteger[] bonds = [Ether, Ether, Ether, Ether];
        var scenario = await SettlementScenario.CreateAsync(chain, 4, 16, 0, bonds, seed: 17);
        var coordinator = scenario.Coordinator;
        var root = SettlementScenario.EvidenceRoot(1);
        await coordinator.OpenRoundAsync(1, SettlementScenario.SeedHash(1), SettlementMode.NetVector);

        var (nonZero, nonZeroException) = await SettlementRevert.ExpectAsync<CoCoGenSettlementNetSumNonZeroError>(() => coordinator.CommitNetAsync(1, [-1, 0, 0, 2], root));
        Assert.Equal(BigInteger.One, nonZero.Round);
        Assert.Equal(BigInteger.One, nonZero.Sum);
        Assert.Contains("commitNet on", nonZeroException.Message, StringComparison.Ordinal);

        var cap = scenario.Limits.DebitCapWei;
        var (aboveCap, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementDebitAboveCapError>(() => coordinator.CommitNetAsync(1, [cap + 1, 0, -(cap + 1), 0], root));
        Assert.Equal(scenario.Members[2].Account, EthereumAddress.Parse(aboveCap.Member));
        Assert.Equal(cap + 1, aboveCap.DebitWei);
        Assert.Throws<ArgumentException>(() => SettlementNetVector.EnsureBalanced([cap + 1, 0, -(cap + 1), 0], cap));

        var (length, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementValuesLengthError>(() => coordinator.CommitNetAsync(1, [0, 0, 0], root));
        Assert.Equal(new BigInteger(4), length.Expected);
        var (notCoordinator, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementNotCoordinatorError>(() => scenario.Members[0].CommitNetAsync(1, [0, 0, 0, 0], root));
        Assert.Equal(scenario.Members[0].Account, EthereumAddress.Parse(notCoordinator.Caller));
        var (wrongMode, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementWrongModeError>(() => coordinator.CommitContributionsAsync(1, [0, 0, 0, 0], root));
        Assert.Equal((byte)SettlementMode.NetVector, wrongMode.Mode);
        Assert.Equal(RoundStatus.Open, await coordinator.RoundStatusAsync(1));

        // Odd amounts; member 2 pays exactly the cap.
        BigInteger[] net = [BigInteger.Parse("-123456789012345678", CultureInfo.InvariantCulture), BigInteger.Parse("98765432109876543", CultureInfo.InvariantCulture), -cap, cap + BigInteger.Parse("24691356902469135", CultureInfo.InvariantCulture)];
        SettlementNetVector.EnsureBalanced(net, cap);
        await coordinator.CommitNetAsync(1, net, root);
        Assert.Equal(net, await coordinator.PayoffCalculateAsync(1));
        await Task.WhenAll(scenario.Members.Take(2).Select(member => member.AcceptCommitmentAsync(1)));
        var receipt = await scenario.Members[3].SettleRoundAsync(1);

        var published = Assert.Single(coordinator.EventsIn<RoundSettledEventDTO>(receipt));
        Assert.Equal(scenario.Members[3].Account, EthereumAddress.Parse(published.SettledBy));
        Assert.Equal(SettlementNetVector.Hash(net), published.NetHash);
        Assert.Equal(net, coordinator.EventsIn<PayoffTransferredEventDTO>(receipt).Select(transfer => transfer.NetWei));
        for (var member = 0; member < 4; member++)
        {
            Assert.Equal(bonds[member] + net[member], await coordinator.BondOfAsync(scenario.Members[member].Account));
        }

        Assert.Equal(RoundStatus.Settled, await coordinator.RoundStatusAsync(1));
        var total = bonds.Aggregate(scenario.Limits.CoordinatorBondWei, (sum, bond) => sum + bond);
        Assert.Equal(total, await chain.BalanceAsync(coordinator.Address));

        // Settled once.
        var (again, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementWrongStatusError>(() => coordinator.SettleRoundAsync(1));
        Assert.Equal((byte)RoundStatus.Settled, again.Status);
    }
}
