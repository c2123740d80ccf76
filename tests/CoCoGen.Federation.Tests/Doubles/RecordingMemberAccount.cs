using System.Numerics;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>
/// A member account on <see cref="InMemorySettlementContract"/> whose transactions land in
/// <see cref="RecordedTransactions"/>; <see cref="FakeBond"/> and <see cref="FakeVote"/> make it claim transactions it never sent.
/// </summary>
internal sealed class RecordingMemberAccount(InMemorySettlementContract contract, RecordedTransactions chain, string address) : IMemberAccount, IMemberLedger
{
    public ChainAddress Address { get; } = ChainAddress.Parse(address);

    public bool FakeBond { get; set; }

    public bool FakeVote { get; set; }

    public Task<IMemberLedger> BindAsync(ChainAddress contractAddress, long chainId, CancellationToken cancellationToken) =>
        Task.FromResult<IMemberLedger>(this);

    public Task<ChainReceipt> DepositAsync(BigInteger wei, CancellationToken cancellationToken)
    {
        if (FakeBond)
        {
            return Task.FromResult(new ChainReceipt(Hash32.Parse("0x" + new string('d', 64)), 7));
        }

        contract.Deposit(Address, wei);
        return Task.FromResult(chain.Add(Address));
    }

    public Task<RoundCommitment> GetCommitmentAsync(int round, CancellationToken cancellationToken) => contract.GetCommitmentAsync(round, cancellationToken);

    public Task<ChainReceipt> AcceptCommitmentAsync(int round, CancellationToken cancellationToken) => VoteAsync(round, accept: true);

    public Task<ChainReceipt> RejectCommitmentAsync(int round, CancellationToken cancellationToken) => VoteAsync(round, accept: false);

    private async Task<ChainReceipt> VoteAsync(int round, bool accept)
    {
        if (FakeVote)
        {
            return new ChainReceipt(Hash32.Parse("0x" + new string('e', 64)), 8);
        }

        await contract.VoteAsync(round, Address, accept);
        return chain.Add(Address);
    }
}
