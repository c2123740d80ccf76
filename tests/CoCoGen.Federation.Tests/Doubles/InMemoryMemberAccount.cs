using System.Numerics;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>A member account on <see cref="InMemorySettlementContract"/>.</summary>
internal sealed class InMemoryMemberAccount(InMemorySettlementContract contract, ChainAddress address) : IMemberAccount, IMemberLedger
{
    public ChainAddress Address { get; } = address;

    public Task<IMemberLedger> BindAsync(ChainAddress contractAddress, long chainId, CancellationToken cancellationToken) =>
        chainId == contract.ChainId
            ? Task.FromResult<IMemberLedger>(this)
            : throw new InvalidOperationException($"chain id {chainId} is not the configured {contract.ChainId}");

    public Task<ChainReceipt> DepositAsync(BigInteger wei, CancellationToken cancellationToken)
    {
        contract.Deposit(Address, wei);
        return Task.FromResult(new ChainReceipt(default, 0));
    }

    public Task<RoundCommitment> GetCommitmentAsync(int round, CancellationToken cancellationToken) => contract.GetCommitmentAsync(round, cancellationToken);

    public Task<ChainReceipt> AcceptCommitmentAsync(int round, CancellationToken cancellationToken) => contract.VoteAsync(round, Address, accept: true);

    public Task<ChainReceipt> RejectCommitmentAsync(int round, CancellationToken cancellationToken) => contract.VoteAsync(round, Address, accept: false);
}
