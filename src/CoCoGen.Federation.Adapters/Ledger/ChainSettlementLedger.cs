using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>The coordinator's side of a deployed CoCoGenSettlement v2 contract.</summary>
public sealed class ChainSettlementLedger : ISettlementLedger
{
    private readonly CoCoGenSettlementService _contract;
    private readonly ChainConnection _connection;
    private ChainAddress[]? _members;

    /// <summary>Wraps <paramref name="contract"/>, bound to the coordinator's account, whose limits are <paramref name="limits"/>.</summary>
    public ChainSettlementLedger(CoCoGenSettlementService contract, ChainConnection connection, Ports.SettlementLimits limits)
    {
        _contract = contract ?? throw new ArgumentNullException(nameof(contract));
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Limits = limits ?? throw new ArgumentNullException(nameof(limits));
        ContractAddress = contract.Address.ToChainAddress();
    }

    /// <inheritdoc/>
    public long ChainId => _connection.ChainId;

    /// <inheritdoc/>
    public ChainAddress ContractAddress { get; }

    /// <inheritdoc/>
    public Ports.SettlementLimits Limits { get; }

    /// <summary>The typed contract binding (for audit reads).</summary>
    public CoCoGenSettlementService Contract => _contract;

    /// <summary>Attaches to a deployed contract, reading its limits from the chain.</summary>
    public static async Task<ChainSettlementLedger> AttachAsync(CoCoGenSettlementService contract, ChainConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var limits = await contract.LimitsAsync(cancellationToken).ConfigureAwait(false);
        return new ChainSettlementLedger(contract, connection, new Ports.SettlementLimits(limits.MinBondWei, limits.DebitCapWei, limits.ChallengeStakeWei, limits.CoordinatorBondWei));
    }

    /// <inheritdoc/>
    public async Task<ChainReceipt?> TopUpCoordinatorBondAsync(CancellationToken cancellationToken)
    {
        var bond = await _contract.BondOfAsync(_contract.Account, cancellationToken).ConfigureAwait(false);
        return bond >= Limits.CoordinatorBondWei
            ? null
            : await _contract.DepositSubmitAsync(Limits.CoordinatorBondWei - bond, cancellationToken).ToReceiptAsync().ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<ChainReceipt> OpenRoundAsync(int round, Hash32 seedHash, Ports.SettlementMode mode, CancellationToken cancellationToken) =>
        _contract.OpenRoundAsync(round, seedHash.ToBytes(), ChainRoundReader.ToChain(mode), cancellationToken).ToReceiptAsync();

    /// <inheritdoc/>
    public Task<ChainReceipt> CommitContributionsAsync(int round, IReadOnlyList<BigInteger> contributionWad, Hash32 evidenceRoot, CancellationToken cancellationToken) =>
        _contract.CommitContributionsAsync(round, contributionWad, evidenceRoot.ToBytes(), cancellationToken).ToReceiptAsync();

    /// <inheritdoc/>
    public Task<ChainReceipt> CommitNetAsync(int round, IReadOnlyList<BigInteger> netWei, Hash32 evidenceRoot, CancellationToken cancellationToken) =>
        _contract.CommitNetAsync(round, netWei, evidenceRoot.ToBytes(), cancellationToken).ToReceiptAsync();

    /// <inheritdoc/>
    public Task<ChainReceipt> SettleRoundAsync(int round, CancellationToken cancellationToken) =>
        _contract.SettleRoundAsync(round, cancellationToken).ToReceiptAsync();

    /// <inheritdoc/>
    public Task<ChainReceipt> AbandonRoundAsync(int round, CancellationToken cancellationToken) =>
        _contract.AbandonRoundAsync(round, cancellationToken).ToReceiptAsync();

    /// <inheritdoc/>
    public async Task<SettlementRoundState> GetRoundAsync(int round, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(cancellationToken).ConfigureAwait(false);
        return await ChainRoundReader.StateAsync(_contract, round, members.Length, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<RoundCommitment> GetCommitmentAsync(int round, CancellationToken cancellationToken) =>
        ChainRoundReader.CommitmentAsync(_contract, round, cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BigInteger>> GetTransfersAsync(int round, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(cancellationToken).ConfigureAwait(false);
        var transfers = (await _contract.EventsAsync<PayoffTransferredEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => log.Event).Where(t => t.Round == round).ToArray();
        return members.Select(m => transfers.Where(t => EthereumAddress.Parse(t.Member).ToChainAddress() == m).Aggregate(BigInteger.Zero, (sum, t) => sum + t.NetWei)).ToArray();
    }

    /// <inheritdoc/>
    public async Task WaitForDeadlineAsync(int round, CancellationToken cancellationToken)
    {
        var info = await _contract.RoundInfoAsync(round, cancellationToken).ConfigureAwait(false);
        var deadline = (RoundStatus)info.Status switch
        {
            RoundStatus.Open => (long)info.CommitDeadline,
            RoundStatus.Committed => (long)info.ChallengeDeadline,
            _ => 0L,
        };
        var chain = await _connection.EndpointAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var now = await chain.LatestBlockTimeAsync(cancellationToken).ConfigureAwait(false);
            if (now > deadline)
            {
                return;
            }

            if (Keys.MnemonicSource.IsDevelopmentChain(ChainId))
            {
                // A development chain's clock is moved, not waited for: the next block is past the deadline.
                await chain.AdvanceDevelopmentClockAsync(deadline - now + 1, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(deadline - now, 1, 15)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public async Task<long> GetChainTimeAsync(CancellationToken cancellationToken) =>
        await (await _connection.EndpointAsync(cancellationToken).ConfigureAwait(false)).LatestBlockTimeAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public Task<BigInteger> GetBondAsync(ChainAddress account, CancellationToken cancellationToken) =>
        _contract.BondOfAsync(account.ToEthereumAddress(), cancellationToken);

    /// <summary>Member addresses in registration order.</summary>
    public async Task<ChainAddress[]> MembersAsync(CancellationToken cancellationToken)
    {
        if (_members is null)
        {
            _members = (await _contract.MembersAsync(cancellationToken).ConfigureAwait(false)).Select(member => member.ToChainAddress()).ToArray();
        }

        return _members;
    }
}
