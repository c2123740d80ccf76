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

    public Task<ChainReceipt> SubmitContributionAsync(int round, ContributionProfile profile, CancellationToken cancellationToken) =>
        contract.SubmitAsync(round, Address, profile);
}
