using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>Deploys and configures CoCoGenSettlement with the coordinator's own key, or attaches to one.</summary>
public sealed class ChainSettlementDeployer(ChainConnection connection) : ISettlementDeployer
{
    /// <inheritdoc/>
    public async Task<ISettlementLedger> DeployAsync(SettlementTerms terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sender = await connection.SenderAsync(connection.Keys.Coordinator(), cancellationToken).ConfigureAwait(false);
        var (contract, _) = await CoCoGenSettlementService.DeployAsync(sender, terms.WeiPerUnit, terms.SubmissionWindowSeconds, cancellationToken)
            .ConfigureAwait(false);
        foreach (var member in terms.Members)
        {
            await contract.RegisterMemberAsync(member.ToEthereumAddress(), cancellationToken).ConfigureAwait(false);
        }

        await contract.SetCompetitionAsync(terms.RhoWad, cancellationToken).ConfigureAwait(false);
        await contract.SetGammaAsync(terms.GammaWad, terms.PhiMinWad, cancellationToken).ConfigureAwait(false);
        return new ChainSettlementLedger(contract, connection);
    }

    /// <inheritdoc/>
    public async Task<ISettlementLedger> AttachAsync(ChainAddress contractAddress, CancellationToken cancellationToken)
    {
        var sender = await connection.SenderAsync(connection.Keys.Coordinator(), cancellationToken).ConfigureAwait(false);
        return new ChainSettlementLedger(new CoCoGenSettlementService(contractAddress.ToEthereumAddress(), sender.Web3, sender), connection);
    }
}
