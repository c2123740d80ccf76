using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;
using ChainLimits = CoCoGen.Chain.Contracts.Settlement.SettlementLimits;
using ChainTimeouts = CoCoGen.Chain.Contracts.Settlement.SettlementTimeouts;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>Deploys and configures CoCoGenSettlement v2 with the coordinator's own key, or attaches to one.</summary>
public sealed class ChainSettlementDeployer(ChainConnection connection) : ISettlementDeployer
{
    /// <inheritdoc/>
    public async Task<ISettlementLedger> DeployAsync(SettlementTerms terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sender = await connection.SenderAsync(connection.Keys.Coordinator(), cancellationToken).ConfigureAwait(false);
        var timeouts = new ChainTimeouts(terms.Timeouts.CommitSeconds, terms.Timeouts.ChallengeWindowSeconds, terms.Timeouts.AbsenceSeconds);
        var (contract, _) = await CoCoGenSettlementService.DeployAsync(sender, terms.WeiPerUnit, timeouts, cancellationToken).ConfigureAwait(false);
        foreach (var member in terms.Members)
        {
            await contract.RegisterMemberAsync(member.ToEthereumAddress(), cancellationToken).ConfigureAwait(false);
        }

        await contract.SetCompetitionAsync(terms.RhoWad, cancellationToken).ConfigureAwait(false);
        await contract.SetGammaAsync(terms.GammaWad, terms.PhiMinWad, cancellationToken).ConfigureAwait(false);
        var limits = terms.Limits;
        await contract.SetLimitsAsync(new ChainLimits(limits.MinBondWei, limits.DebitCapWei, limits.ChallengeStakeWei, limits.CoordinatorBondWei), cancellationToken)
            .ConfigureAwait(false);
        await contract.DepositSubmitAsync(limits.CoordinatorBondWei, cancellationToken).ConfigureAwait(false);

        // The rule is public one challenge window before the first round can open; a development chain's clock is moved past it.
        await WaitForRuleNoticeAsync(contract, timeouts.ChallengeWindowSeconds, cancellationToken).ConfigureAwait(false);
        return new ChainSettlementLedger(contract, connection, limits);
    }

    /// <inheritdoc/>
    public async Task<ISettlementLedger> AttachAsync(ChainAddress contractAddress, CancellationToken cancellationToken)
    {
        var sender = await connection.SenderAsync(connection.Keys.Coordinator(), cancellationToken).ConfigureAwait(false);
        return await ChainSettlementLedger.AttachAsync(new CoCoGenSettlementService(contractAddress.ToEthereumAddress(), sender.Web3, sender), connection, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task WaitForRuleNoticeAsync(CoCoGenSettlementService contract, ulong window, CancellationToken cancellationToken)
    {
        var opensAt = await contract.RuleChangedAtAsync(cancellationToken).ConfigureAwait(false) + (long)window;
        var chain = await connection.EndpointAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // openRound is judged by the next block, at least one second later than the latest.
            var now = await chain.LatestBlockTimeAsync(cancellationToken).ConfigureAwait(false);
            if (now + 1 >= opensAt)
            {
                return;
            }

            if (Keys.MnemonicSource.IsDevelopmentChain(connection.ChainId))
            {
                await chain.AdvanceDevelopmentClockAsync(opensAt - now, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(opensAt - now - 1, 1, 15)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
