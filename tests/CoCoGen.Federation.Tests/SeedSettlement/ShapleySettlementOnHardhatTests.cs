using CoCoGen.Federation.Adapters.Ledger;
using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Adapters.SeedSettlement;
using CoCoGen.Mechanism.ReciprocalFairness;

namespace CoCoGen.Federation.Tests.SeedSettlement;

/// <summary>M^Shap payments of the paper's Example 4 settled through contract v2's net-vector path on a real Hardhat node.</summary>
public sealed class ShapleySettlementOnHardhatTests(HardhatChainFixture chain) : IClassFixture<HardhatChainFixture>
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly SettlementTimeouts Timeouts = new(3600, 30, 86_400);

    // minBond 1 ether ≥ debitCap 0.5 + stake 0.1; the coordinator bonds 1 ether.
    private static readonly SettlementLimits Limits = new(Ether, Ether / 2, Ether / 10, Ether);

    private static byte[] Hash(string text) => Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(text));

    private async Task<CoCoGenSettlementService> DeployAsync(BigInteger weiPerUnit, IEnumerable<int> accounts, List<CoCoGenSettlementService> members)
    {
        var (coordinator, _) = await CoCoGenSettlementService.DeployAsync(chain.Sender(0), weiPerUnit, Timeouts);
        foreach (var account in accounts)
        {
            var member = coordinator.As(chain.Sender(account));
            await coordinator.RegisterMemberAsync(member.Account);
            members.Add(member);
        }

        await coordinator.SetLimitsAsync(Limits);
        await coordinator.DepositSubmitAsync(Limits.CoordinatorBondWei);
        await chain.Chain.AdvanceDevelopmentClockAsync((long)Timeouts.ChallengeWindowSeconds + 1, CancellationToken.None);
        return coordinator;
    }

    [Fact]
    public async Task Example4_MShap_payments_settle_to_the_wei_and_a_bond_below_the_minimum_is_refused_before_the_round_opens()
    {
        // Example 4: a(s) = 1 − 1/(‖s‖₁ + 1), costs 0.1 and 0.25; M^Shap's NE is s ≈ (3, 1.17).
        var instance = new FederationInstance(new PowerLawAccuracy(2, alpha: 1, beta: 1), [new AgentCost(0.1, 0, 100), new AgentCost(0.25, 0, 100)]);
        var mechanism = new ShapleyMechanism();
        var samples = new FederationBestResponseDynamics(StepSize: 5, Iterations: 20_000, Tolerance: 1e-12).Run(instance, mechanism).Samples;
        var payments = mechanism.Payments(instance, samples);
        Assert.InRange(payments[0], 0.2109 - 1e-3, 0.2109 + 1e-3);

        // One ether per accuracy point: agent 2 pays agent 1 about 0.21 ether.
        var members = new List<CoCoGenSettlementService>();
        var coordinator = await DeployAsync(Ether, [1, 2], members);

        var expected = PaymentWeiConverter.ToWei(payments, Ether);
        Assert.Equal(BigInteger.Zero, expected[0] + expected[1]);
        Assert.InRange((double)expected[0], (payments[0] * 1e18) - 1e3, (payments[0] * 1e18) + 1e3);

        // Agent 2's bond is one wei below the minimum: refused with the member and the round named, and nothing is sent.
        await members[0].DepositSubmitAsync(Ether);
        await members[1].DepositSubmitAsync(Ether - 1);
        var settler = new NetPaymentSettler(coordinator, members);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            settler.SettleAsync(1, payments, Hash("seed 1"), Hash("evidence 1"), CancellationToken.None));
        Assert.Contains("round 1: member 1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await coordinator.LastRoundAsync());

        await members[1].DepositSubmitAsync(1);
        var settled = await settler.SettleAsync(1, payments, Hash("seed 1"), Hash("evidence 1"), CancellationToken.None);

        Assert.Equal(expected, settled.NetWei);
        Assert.Equal(expected, settled.Transfers.Select(transfer => transfer.NetWei));
        Assert.Equal(Ether + expected[0], await coordinator.BondOfAsync(members[0].Account));
        Assert.Equal(Ether + expected[1], await coordinator.BondOfAsync(members[1].Account));
        Assert.Equal(RoundStatus.Settled, await coordinator.RoundStatusAsync(1));
        Assert.Equal(3 * Ether, await chain.BalanceAsync(coordinator.Address));

        // The commitment on chain: the net vector itself with the round's hashes, accepted by both members.
        var info = await coordinator.RoundInfoAsync(1);
        Assert.Equal((byte)SettlementMode.NetVector, info.Mode);
        Assert.Equal(3UL, info.AcceptMask);
        Assert.Equal(Hash("evidence 1"), info.EvidenceRoot);
        Assert.Equal(expected, await coordinator.CommittedValuesAsync(1));

        // A second round (M^Shap at the same point again): the payer tops up to the minimum, and it settles on top, to the wei.
        await members[1].DepositSubmitAsync(-expected[1]);
        var second = await settler.SettleAsync(2, payments, Hash("seed 2"), Hash("evidence 2"), CancellationToken.None);
        Assert.Equal(expected, second.NetWei);
        Assert.Equal(Ether + (2 * expected[0]), await coordinator.BondOfAsync(members[0].Account));
        Assert.Equal(Ether + expected[1], await coordinator.BondOfAsync(members[1].Account));
        Assert.Equal(3 * Ether - expected[1], await chain.BalanceAsync(coordinator.Address));
    }

    [Fact]
    public async Task A_grouped_instance_with_many_members_settles_with_bonds_moved_exactly_by_the_converted_vector()
    {
        // Five agents, two groups, at a fixed sharing point: the Shapley payments of a non-symmetric instance.
        var weights = new double[,] { { 0.02, 0.005 }, { 0.004, 0.03 } };
        var model = new GroupedAccuracy(weights, [0, 0, 1, 1, 1]);
        var instance = new FederationInstance(model, Enumerable.Range(0, 5).Select(i => new AgentCost(0.001 * (i + 1), 0, 200)).ToArray());
        double[] samples = [120, 35, 80, 10, 150];
        var payments = new ShapleyMechanism().Payments(instance, samples);
        Assert.True(payments.Any(p => p > 0) && payments.Any(p => p < 0));

        var weiPerUnit = BigInteger.Pow(10, 15);
        var members = new List<CoCoGenSettlementService>();
        var coordinator = await DeployAsync(weiPerUnit, Enumerable.Range(3, 5), members);
        await Task.WhenAll(members.Select(member => member.DepositSubmitAsync(Ether)));

        var settled = await new NetPaymentSettler(coordinator, members).SettleAsync(1, payments, Hash("seed"), Hash("evidence"), CancellationToken.None);
        Assert.Equal(PaymentWeiConverter.ToWei(payments, weiPerUnit), settled.NetWei);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(Ether + settled.NetWei[i], await coordinator.BondOfAsync(members[i].Account));
            Assert.InRange((double)settled.NetWei[i], (payments[i] * 1e15) - 2, (payments[i] * 1e15) + 2);
        }

        Assert.Equal(6 * Ether, await chain.BalanceAsync(coordinator.Address));
    }
}
