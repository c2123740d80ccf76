using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>An organization's own account: it signs its bond and its votes with its own key, which this process must hold.</summary>
public sealed class ChainMemberAccount(ChainConnection connection, int organization) : IMemberAccount
{
    /// <inheritdoc/>
    public ChainAddress Address { get; } = EthereumAddress.Parse(connection.Keys.Organization(organization).GetPublicAddress()).ToChainAddress();

    /// <inheritdoc/>
    public async Task<IMemberLedger> BindAsync(ChainAddress contractAddress, long chainId, CancellationToken cancellationToken)
    {
        if (chainId != connection.ChainId)
        {
            throw new InvalidOperationException($"the coordinator settles on chain {chainId}, this organization is configured for chain {connection.ChainId}");
        }

        var sender = await connection.SenderAsync(connection.Keys.Organization(organization), cancellationToken).ConfigureAwait(false);
        return new Member(new CoCoGenSettlementService(contractAddress.ToEthereumAddress(), sender.Web3, sender));
    }

    private sealed class Member(CoCoGenSettlementService contract) : IMemberLedger
    {
        public Task<ChainReceipt> DepositAsync(BigInteger wei, CancellationToken cancellationToken) =>
            contract.DepositSubmitAsync(wei, cancellationToken).ToReceiptAsync();

        public Task<RoundCommitment> GetCommitmentAsync(int round, CancellationToken cancellationToken) =>
            ChainRoundReader.CommitmentAsync(contract, round, cancellationToken);

        public Task<ChainReceipt> AcceptCommitmentAsync(int round, CancellationToken cancellationToken) =>
            contract.AcceptCommitmentAsync(round, cancellationToken).ToReceiptAsync();

        public Task<ChainReceipt> RejectCommitmentAsync(int round, CancellationToken cancellationToken) =>
            contract.RejectCommitmentAsync(round, cancellationToken).ToReceiptAsync();
    }
}
