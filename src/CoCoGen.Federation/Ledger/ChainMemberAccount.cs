using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Ledger;

/// <summary>An organization's own HD account; it signs its bond and its profiles itself.</summary>
public sealed class ChainMemberAccount(ChainConnection connection, uint index) : IMemberAccount
{
    /// <inheritdoc/>
    public string Address { get; } = connection.AddressOf(index);

    /// <inheritdoc/>
    public async Task<IMemberLedger> BindAsync(string contractAddress, long chainId, CancellationToken cancellationToken)
    {
        if ((ulong)chainId != connection.ChainId)
        {
            throw new InvalidOperationException($"the coordinator settles on chain {chainId}, this organization is configured for chain {connection.ChainId}");
        }

        var sender = await connection.SenderAsync(index, cancellationToken).ConfigureAwait(false);
        return new Member(new CoCoGenSettlementContract(EthereumAddress.Parse(contractAddress), new ContractCaller(sender)));
    }

    private sealed class Member(CoCoGenSettlementContract contract) : IMemberLedger
    {
        public Task<ChainReceipt> DepositAsync(BigInteger wei, CancellationToken cancellationToken) =>
            contract.DepositSubmitAsync(wei, cancellationToken).ToReceiptAsync();

        public Task<ChainReceipt> SubmitContributionAsync(long round, ContributionProfile profile, CancellationToken cancellationToken) =>
            contract.ContributionSubmitAsync(round, profile.ToProfile(), cancellationToken).ToReceiptAsync();
    }
}
