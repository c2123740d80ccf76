using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Chain.Sending;
using Nethereum.RPC.Eth.DTOs;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>Contract v2 through the typed binding, against the real Hardhat node.</summary>
[Collection(HardhatNodeGroup.Name)]
public sealed class SettlementIntegrationTests(HardhatFixture chain)
{
    private static readonly BigInteger Ether = SettlementScenario.Ether;

    [Fact]
    public async Task Ten_members_three_rounds_settle_to_the_wei_of_the_offchain_preview_with_stakes_and_withdraw()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 10, 1, SettlementScenario.Wad / 2, Enumerable.Repeat(Ether, 10).ToArray(), seed: 7);
        Assert.Equal(10, await scenario.Coordinator.MemberCountAsync());
        Assert.Equal(scenario.Rho[2, 5], await scenario.Coordinator.RhoWadAsync(5, 2));
        Assert.Equal(scenario.Limits, await scenario.Coordinator.LimitsAsync());
        Assert.Equal(SettlementScenario.Timeouts, await scenario.Coordinator.TimeoutsAsync());
        var stake = scenario.Limits.ChallengeStakeWei;

        for (var round = 1; round <= 3; round++)
        {
            var contributions = SettlementScenario.Contributions(10, seed: 100 + round);
            await scenario.CommitAsync(round, contributions);
            Assert.Equal(RoundStatus.Committed, await scenario.Coordinator.RoundStatusAsync(round));
            var info = await scenario.Coordinator.RoundInfoAsync(round);
            Assert.Equal(SettlementScenario.SeedHash(round), info.SeedHash);
            Assert.Equal(SettlementScenario.EvidenceRoot(round), info.EvidenceRoot);
            Assert.Equal(contributions, await scenario.Coordinator.CommittedValuesAsync(round));

            var preview = scenario.Preview(contributions);
            Assert.Equal(preview, await scenario.Coordinator.PayoffCalculateAsync(round));
            Assert.Equal(BigInteger.Zero, preview.Aggregate(BigInteger.Zero, (sum, net) => sum + net));

            // Round 3: member 9 is a lone false challenger; the others accept, which decides the round at once.
            var rejecter = round == 3 ? 9 : -1;
            if (rejecter >= 0)
            {
                await scenario.Members[rejecter].RejectCommitmentAsync(round);
            }

            await Task.WhenAll(scenario.Members.Where((_, index) => index != rejecter).Select(member => member.AcceptCommitmentAsync(round)));
            var receipt = await scenario.Members[round].SettleRoundAsync(round);
            var transferred = scenario.Coordinator.EventsIn<PayoffTransferredEventDTO>(receipt);
            Assert.Equal(10, transferred.Count);

            // The rejecter's stake goes to the nine others, the remainder of the split to the first of them.
            var share = rejecter >= 0 ? stake / 9 : BigInteger.Zero;
            var bonus = rejecter >= 0 ? stake - (share * 9) + share : BigInteger.Zero;
            for (var member = 0; member < 10; member++)
            {
                var moved = preview[member] + (member == rejecter ? BigInteger.Zero : member == 0 ? bonus : share);
                scenario.ExpectedBonds[member] += moved - (member == rejecter ? stake : BigInteger.Zero);
                Assert.Equal(moved, transferred[member].NetWei);
                Assert.Equal(scenario.ExpectedBonds[member], await scenario.Coordinator.BondOfAsync(scenario.Members[member].Account));
            }

            Assert.Equal(SettlementNetVector.Hash(preview), Assert.Single(scenario.Coordinator.EventsIn<RoundSettledEventDTO>(receipt)).NetHash);
            Assert.Equal(RoundStatus.Settled, await scenario.Coordinator.RoundStatusAsync(round));
        }

        // Pull payments: the member's balance grows by the amount less exactly the gas it paid.
        for (var member = 0; member < 10; member++)
        {
            var account = scenario.Members[member].Account;
            var amount = scenario.ExpectedBonds[member] / 3;
            var before = await chain.BalanceAsync(account);
            var receipt = await scenario.Members[member].WithdrawAsync(amount);
            var after = await chain.BalanceAsync(account);
            Assert.Equal(before + amount - (receipt.GasUsed * receipt.EffectiveGasPrice), after);
            scenario.ExpectedBonds[member] -= amount;
            Assert.Equal(scenario.ExpectedBonds[member], await scenario.Coordinator.BondOfAsync(account));
        }

        var fromLogs = (await scenario.Coordinator.EventsAsync<PayoffTransferredEventDTO>()).Select(log => log.Event).ToArray();
        Assert.Equal(30, fromLogs.Length);
        Assert.Equal([1, 2, 3], fromLogs.Select(transfer => (int)transfer.Round).Distinct());
        var deposited = await scenario.Coordinator.TotalDepositedAsync();
        var withdrawn = await scenario.Coordinator.TotalWithdrawnAsync();
        Assert.Equal(11 * Ether, deposited);
        var coordinatorBond = await scenario.Coordinator.BondOfAsync(scenario.Coordinator.Account);
        Assert.Equal(Ether, coordinatorBond);
        Assert.Equal(deposited - withdrawn, scenario.ExpectedBonds.Aggregate(coordinatorBond, (sum, bond) => sum + bond));
        Assert.Equal(deposited - withdrawn, await chain.BalanceAsync(scenario.Coordinator.Address));
    }

    [Fact]
    public async Task The_debit_cap_clamps_each_pair_as_the_offchain_preview_does_to_the_wei()
    {
        // γ = 1 and wide contribution gaps against a cap of 0.3 ether over 3 pairs: most pairs hit ±0.1 ether.
        var limits = new SettlementLimits(Ether, Ether * 3 / 10, Ether / 10, Ether);
        var scenario = await SettlementScenario.CreateAsync(chain, 4, 6, SettlementScenario.Wad, Enumerable.Repeat(Ether, 4).ToArray(), seed: 41, limits);
        BigInteger[] x = [-400 * SettlementScenario.Wad, 1000 * SettlementScenario.Wad, 3 * SettlementScenario.Wad / 1000, 900 * SettlementScenario.Wad];
        await scenario.CommitAsync(1, x);

        var preview = scenario.Preview(x);
        var unclamped = SettlementTransferPreview.NetWei(x, [true, true, true, true], scenario.Rho, scenario.Gamma, SettlementScenario.WeiPerUnit, BigInteger.Pow(10, 54));
        Assert.NotEqual(unclamped, preview);
        Assert.Equal(preview, await scenario.Coordinator.PayoffCalculateAsync(1));
        Assert.All(preview, net => Assert.True(-net <= limits.DebitCapWei));
        // Member 0 (the lowest x) would pay far more than the cap unclamped; clamped it pays at most the cap.
        Assert.True(-unclamped[0] > limits.DebitCapWei);
        Assert.True(preview[0] > unclamped[0]);
        Assert.Equal(BigInteger.Zero, preview.Aggregate(BigInteger.Zero, (sum, net) => sum + net));
    }

    [Fact]
    public async Task A_majority_rejecting_voids_the_round_and_slashes_the_coordinator_to_the_members()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 3, 14, SettlementScenario.Wad / 2, [Ether, Ether, Ether], seed: 5);
        await scenario.CommitAsync(1, SettlementScenario.Contributions(3, seed: 6));
        var stake = scenario.Limits.ChallengeStakeWei;
        await scenario.Members[0].RejectCommitmentAsync(1);
        Assert.Equal(Ether - stake, await scenario.Coordinator.BondOfAsync(scenario.Members[0].Account));
        Assert.Equal(RoundStatus.Committed, await scenario.Coordinator.RoundStatusAsync(1));
        var deciding = await scenario.Members[2].RejectCommitmentAsync(1);

        Assert.Equal(RoundStatus.Rejected, await scenario.Coordinator.RoundStatusAsync(1));
        var rejected = Assert.Single(scenario.Coordinator.EventsIn<RoundRejectedEventDTO>(deciding));
        Assert.Equal(new BigInteger(2), rejected.Rejections);
        var slash = Assert.Single(scenario.Coordinator.EventsIn<CoordinatorSlashedEventDTO>(deciding));
        var perMember = scenario.Limits.CoordinatorBondWei / 3;
        Assert.Equal(perMember, slash.PerMemberWei);
        Assert.Equal(Ether - (perMember * 3), await scenario.Coordinator.BondOfAsync(scenario.Coordinator.Account));
        for (var member = 0; member < 3; member++)
        {
            // Stakes returned, nothing moved by the rule, each member a share of the slash.
            Assert.Equal(Ether + perMember, await scenario.Coordinator.BondOfAsync(scenario.Members[member].Account));
        }

        var (wrongStatus, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementWrongStatusError>(() => scenario.Members[1].SettleRoundAsync(1));
        Assert.Equal((byte)RoundStatus.Rejected, wrongStatus.Status);
        Assert.Empty(await scenario.Coordinator.EventsAsync<PayoffTransferredEventDTO>());
    }

    [Fact]
    public async Task Silence_settles_only_after_the_window_and_an_uncommitted_round_is_abandoned_after_its_deadline()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 3, 14, SettlementScenario.Wad / 2, [Ether, Ether, Ether], seed: 8);
        var contributions = SettlementScenario.Contributions(3, seed: 9);
        await scenario.CommitAsync(1, contributions);
        await scenario.Members[0].AcceptCommitmentAsync(1);
        var (open, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementChallengeWindowOpenError>(() => scenario.Members[0].SettleRoundAsync(1));
        Assert.Equal(BigInteger.One, open.Round);
        await scenario.PassChallengeWindowAsync();
        var settled = await scenario.Members[1].SettleRoundAsync(1);
        Assert.Equal(scenario.Preview(contributions), scenario.Coordinator.EventsIn<PayoffTransferredEventDTO>(settled).Select(t => t.NetWei));

        await scenario.Coordinator.OpenRoundAsync(2, SettlementScenario.SeedHash(2), SettlementMode.PairRule);
        await SettlementRevert.ExpectAsync<CoCoGenSettlementCommitDeadlineNotPassedError>(() => scenario.Members[2].AbandonRoundAsync(2));
        await chain.Chain.AdvanceDevelopmentClockAsync((long)SettlementScenario.Timeouts.CommitSeconds + 1, CancellationToken.None);
        var abandoned = await scenario.Members[2].AbandonRoundAsync(2);
        Assert.Single(scenario.Coordinator.EventsIn<RoundAbandonedEventDTO>(abandoned));
        Assert.Equal(RoundStatus.Abandoned, await scenario.Coordinator.RoundStatusAsync(2));
        await SettlementRevert.ExpectAsync<CoCoGenSettlementWrongStatusError>(() => scenario.Coordinator.CommitContributionsAsync(2, contributions, SettlementScenario.EvidenceRoot(2)));
    }

    [Fact]
    public async Task Calls_that_revert_surface_typed_errors_with_their_arguments()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 2, 14, SettlementScenario.Wad / 4, [Ether, Ether], seed: 3);
        var (notCoordinator, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementNotCoordinatorError>(
            () => scenario.Members[0].OpenRoundAsync(1, SettlementScenario.SeedHash(1), SettlementMode.PairRule));
        Assert.Equal(scenario.Members[0].Account, EthereumAddress.Parse(notCoordinator.Caller));

        var (unexpected, exception) = await SettlementRevert.ExpectAsync<CoCoGenSettlementUnexpectedRoundError>(
            () => scenario.Coordinator.OpenRoundAsync(5, SettlementScenario.SeedHash(5), SettlementMode.PairRule));
        Assert.Equal(new BigInteger(1), unexpected.Expected);
        Assert.Contains("openRound on", exception.Message, StringComparison.Ordinal);

        // A reverting view call (eth_call) decodes the same way.
        var (outOfRange, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementMemberIndexOutOfRangeError>(() => scenario.Coordinator.MemberAtAsync(9));
        Assert.Equal(new BigInteger(2), outOfRange.Count);
    }

    [Fact]
    public async Task A_transaction_that_reverts_when_mined_is_decoded_into_its_typed_error()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 1, 12, 0, [Ether], seed: 9);
        var member = scenario.Members[0];
        var start = await chain.NonceAsync(member.Account);
        await chain.DevelopmentRpcAsync("evm_setAutomine", false);
        Task<MinedTransaction> first, second;
        try
        {
            // Both withdrawals pass their estimates against the same state; the second cannot be paid once the first is mined.
            first = member.WithdrawAsync(Ether);
            second = member.WithdrawAsync(Ether);
            while (!first.IsCompleted && !second.IsCompleted
                && await chain.NonceAsync(member.Account, BlockParameter.CreatePending()) < start + 2)
            {
                await Task.Delay(20);
            }

            await chain.DevelopmentRpcAsync("evm_mine");
        }
        finally
        {
            await chain.DevelopmentRpcAsync("evm_setAutomine", true);
        }

        var outcomes = await Task.WhenAll(Capture(first), Capture(second));
        Assert.Single(outcomes, outcome => outcome is MinedTransaction { Succeeded: true });
        var reverted = Assert.IsType<SettlementRevertException>(Assert.Single(outcomes, outcome => outcome is Exception));
        var insufficient = Assert.IsType<CoCoGenSettlementInsufficientBondError>(reverted.Error);
        Assert.Equal(member.Account, EthereumAddress.Parse(insufficient.Account));
        Assert.Equal(BigInteger.Zero, insufficient.Bond);
        Assert.Equal(Ether, insufficient.Amount);
        Assert.IsType<TransactionRevertedException>(reverted.InnerException);
        Assert.Equal(BigInteger.Zero, await scenario.Coordinator.BondOfAsync(member.Account));
    }

    private static async Task<object> Capture(Task<MinedTransaction> task)
    {
        try
        {
            return await task;
        }
        catch (SettlementRevertException exception)
        {
            return exception;
        }
    }
}
