using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Chain.Sending;
using Nethereum.RPC.Eth.DTOs;

namespace CoCoGen.Chain.Tests.Integration;

[Collection(HardhatNodeGroup.Name)]
public sealed class SettlementIntegrationTests(HardhatFixture chain)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task Ten_members_three_rounds_settle_to_the_wei_of_the_offchain_preview_and_withdraw()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 10, 1, SettlementScenario.Wad / 2, Enumerable.Repeat(Ether, 10).ToArray(), seed: 7);
        Assert.Equal(10, await scenario.Coordinator.MemberCountAsync());
        Assert.Equal(scenario.Rho[2, 5], await scenario.Coordinator.RhoWadAsync(5, 2));

        for (var round = 1; round <= 3; round++)
        {
            var contributions = SettlementScenario.Contributions(10, seed: 100 + round);
            // Round 3: member 9 stays silent and the round closes after its deadline with x₉ = 0.
            var silent = round == 3 ? new HashSet<int> { 9 } : null;
            await scenario.RunRoundToClosedAsync(round, contributions, silent, round == 3 ? PassDeadlineAsync : null);
            Assert.Equal(RoundStatus.Closed, await scenario.Coordinator.RoundStatusAsync(round));

            var preview = scenario.Preview(contributions, silent);
            Assert.Equal(preview, await scenario.Coordinator.PayoffCalculateAsync(round));
            Assert.Equal(BigInteger.Zero, preview.Aggregate(BigInteger.Zero, (sum, net) => sum + net));

            var receipt = await scenario.Members[round].PayoffTransferAsync(round);
            var transferred = scenario.Coordinator.EventsIn<PayoffTransferredEventDTO>(receipt);
            Assert.Equal(10, transferred.Count);
            for (var member = 0; member < 10; member++)
            {
                scenario.ExpectedBonds[member] += preview[member];
                Assert.Equal(preview[member], transferred[member].NetWei);
                Assert.Equal(scenario.ExpectedBonds[member], await scenario.Coordinator.BondOfAsync(scenario.Members[member].Account));
            }

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

        // An auditor re-reads every settlement from the logs alone.
        var fromLogs = (await scenario.Coordinator.EventsAsync<PayoffTransferredEventDTO>()).Select(log => log.Event).ToArray();
        Assert.Equal(30, fromLogs.Length);
        Assert.Equal([1, 2, 3], fromLogs.Select(transfer => (int)transfer.Round).Distinct());
        Assert.All(fromLogs.GroupBy(transfer => transfer.Round), round => Assert.Equal(BigInteger.Zero, round.Aggregate(BigInteger.Zero, (sum, transfer) => sum + transfer.NetWei)));

        var deposited = await scenario.Coordinator.TotalDepositedAsync();
        var withdrawn = await scenario.Coordinator.TotalWithdrawnAsync();
        Assert.Equal(10 * Ether, deposited);
        Assert.Equal(deposited - withdrawn, scenario.ExpectedBonds.Aggregate(BigInteger.Zero, (sum, bond) => sum + bond));
        Assert.Equal(deposited - withdrawn, await chain.BalanceAsync(scenario.Coordinator.Address));
    }

    [Fact]
    public async Task Uncovered_payer_reverts_with_its_typed_custom_error_and_nothing_changes()
    {
        // γ large, member 0 contributes least and holds a tiny bond: it owes more than it has.
        BigInteger[] bonds = [1000, Ether, Ether];
        var scenario = await SettlementScenario.CreateAsync(chain, 3, 11, SettlementScenario.Wad, bonds, seed: 11);
        BigInteger[] contributions = [-SettlementScenario.Wad, SettlementScenario.Wad, 2 * SettlementScenario.Wad];
        await scenario.RunRoundToClosedAsync(1, contributions);
        var preview = scenario.Preview(contributions);
        Assert.True(preview[0] < -1000);

        var (error, exception) = await SettlementRevert.ExpectAsync<CoCoGenSettlementUncoveredPayerError>(() => scenario.Members[1].PayoffTransferAsync(1));
        Assert.Equal(scenario.Members[0].Account, EthereumAddress.Parse(error.Member));
        Assert.Equal(new BigInteger(1000), error.Bond);
        Assert.Equal(-preview[0], error.Debit);
        Assert.Contains("payoffTransfer on", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CoCoGenSettlementUncoveredPayer(member=", exception.Message, StringComparison.Ordinal);

        Assert.Equal(RoundStatus.Closed, await scenario.Coordinator.RoundStatusAsync(1));
        for (var member = 0; member < 3; member++)
        {
            Assert.Equal(bonds[member], await scenario.Coordinator.BondOfAsync(scenario.Members[member].Account));
        }

        // The payer tops up; settlement then goes through with the same preview.
        await scenario.Members[0].DepositSubmitAsync(-preview[0]);
        await scenario.Members[2].PayoffTransferAsync(1);
        Assert.Equal(bonds[0] - preview[0] + preview[0], await scenario.Coordinator.BondOfAsync(scenario.Members[0].Account));
    }

    [Fact]
    public async Task Calls_that_revert_surface_typed_errors_with_their_arguments()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 2, 14, SettlementScenario.Wad / 4, [Ether, Ether], seed: 3);
        var (notCoordinator, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementNotCoordinatorError>(() => scenario.Members[0].OpenRoundAsync(1));
        Assert.Equal(scenario.Members[0].Account, EthereumAddress.Parse(notCoordinator.Caller));

        var (unexpected, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementUnexpectedRoundError>(() => scenario.Coordinator.OpenRoundAsync(5));
        Assert.Equal(new BigInteger(1), unexpected.Expected);

        // A reverting view call (eth_call) decodes the same way.
        var (outOfRange, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementMemberIndexOutOfRangeError>(() => scenario.Coordinator.MemberAtAsync(9));
        Assert.Equal(new BigInteger(2), outOfRange.Count);
    }

    [Fact]
    public async Task A_submission_that_differs_from_the_coordinators_record_disputes_the_round()
    {
        var scenario = await SettlementScenario.CreateAsync(chain, 3, 14, SettlementScenario.Wad / 2, [Ether, Ether, Ether], seed: 5);
        await scenario.Coordinator.OpenRoundAsync(1);
        var contributions = SettlementScenario.Contributions(3, seed: 6);
        var profiles = contributions.Select((x, member) => SettlementScenario.ProfileFor(1, member, x)).ToArray();
        for (var member = 0; member < 3; member++)
        {
            await scenario.Coordinator.ProfileRecordAsync(1, scenario.Members[member].Account, profiles[member]);
        }

        // Member 2 inflates its own contribution.
        await scenario.Members[0].ContributionSubmitAsync(1, profiles[0]);
        await scenario.Members[1].ContributionSubmitAsync(1, profiles[1]);
        await scenario.Members[2].ContributionSubmitAsync(1, SettlementScenario.ProfileFor(1, 2, contributions[2] + SettlementScenario.Wad));
        var receipt = await scenario.Coordinator.CloseRoundAsync(1);

        var mismatch = Assert.Single(scenario.Coordinator.EventsIn<ProfileMismatchEventDTO>(receipt));
        Assert.Equal(scenario.Members[2].Account, EthereumAddress.Parse(mismatch.Member));
        Assert.Equal(new BigInteger(1), Assert.Single(scenario.Coordinator.EventsIn<RoundDisputedEventDTO>(receipt)).Mismatches);
        Assert.Equal(RoundStatus.Disputed, await scenario.Coordinator.RoundStatusAsync(1));
        var (notClosed, _) = await SettlementRevert.ExpectAsync<CoCoGenSettlementRoundNotClosedError>(() => scenario.Members[0].PayoffTransferAsync(1));
        Assert.Equal((byte)RoundStatus.Disputed, notClosed.Status);
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
        Assert.Equal(member.Account, EthereumAddress.Parse(insufficient.Member));
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

    private async Task PassDeadlineAsync()
    {
        await chain.Chain.AdvanceDevelopmentClockAsync(3601, CancellationToken.None);
    }
}
