using System.Numerics;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>
/// A dishonest coordinator for tests: deploys through <paramref name="inner"/>, then in round <paramref name="round"/>
/// commits member <paramref name="member"/>'s x raised by <paramref name="extraWad"/> (everything else it passes through).
/// </summary>
internal sealed class WrongCommitmentDeployer(ISettlementDeployer inner, int round, int member, BigInteger extraWad) : ISettlementDeployer
{
    public async Task<ISettlementLedger> DeployAsync(SettlementTerms terms, CancellationToken cancellationToken) =>
        new Ledger(await inner.DeployAsync(terms, cancellationToken), round, member, extraWad);

    public async Task<ISettlementLedger> AttachAsync(ChainAddress contractAddress, CancellationToken cancellationToken) =>
        new Ledger(await inner.AttachAsync(contractAddress, cancellationToken), round, member, extraWad);

    private sealed class Ledger(ISettlementLedger inner, int round, int member, BigInteger extraWad) : ISettlementLedger
    {
        public long ChainId => inner.ChainId;

        public ChainAddress ContractAddress => inner.ContractAddress;

        public SettlementLimits Limits => inner.Limits;

        public Task<ChainReceipt> CommitContributionsAsync(int r, IReadOnlyList<BigInteger> contributionWad, Hash32 evidenceRoot, CancellationToken cancellationToken) =>
            inner.CommitContributionsAsync(r, r == round ? contributionWad.Select((x, i) => i == member ? x + extraWad : x).ToArray() : contributionWad, evidenceRoot, cancellationToken);

        public Task<ChainReceipt?> TopUpCoordinatorBondAsync(CancellationToken cancellationToken) => inner.TopUpCoordinatorBondAsync(cancellationToken);

        public Task<ChainReceipt> OpenRoundAsync(int r, Hash32 seedHash, SettlementMode mode, CancellationToken cancellationToken) => inner.OpenRoundAsync(r, seedHash, mode, cancellationToken);

        public Task<ChainReceipt> CommitNetAsync(int r, IReadOnlyList<BigInteger> netWei, Hash32 evidenceRoot, CancellationToken cancellationToken) => inner.CommitNetAsync(r, netWei, evidenceRoot, cancellationToken);

        public Task<ChainReceipt> SettleRoundAsync(int r, CancellationToken cancellationToken) => inner.SettleRoundAsync(r, cancellationToken);

        public Task<ChainReceipt> AbandonRoundAsync(int r, CancellationToken cancellationToken) => inner.AbandonRoundAsync(r, cancellationToken);

        public Task<SettlementRoundState> GetRoundAsync(int r, CancellationToken cancellationToken) => inner.GetRoundAsync(r, cancellationToken);

        public Task<RoundCommitment> GetCommitmentAsync(int r, CancellationToken cancellationToken) => inner.GetCommitmentAsync(r, cancellationToken);

        public Task<IReadOnlyList<BigInteger>> GetTransfersAsync(int r, CancellationToken cancellationToken) => inner.GetTransfersAsync(r, cancellationToken);

        public Task WaitForDeadlineAsync(int r, CancellationToken cancellationToken) => inner.WaitForDeadlineAsync(r, cancellationToken);

        public Task<long> GetChainTimeAsync(CancellationToken cancellationToken) => inner.GetChainTimeAsync(cancellationToken);

        public Task<BigInteger> GetBondAsync(ChainAddress account, CancellationToken cancellationToken) => inner.GetBondAsync(account, cancellationToken);
    }
}
