using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>The coordinator's side of a deployed CoCoGenSettlement contract.</summary>
public sealed class ChainSettlementLedger : ISettlementLedger
{
    private readonly CoCoGenSettlementService _contract;
    private readonly ChainConnection _connection;
    private ChainAddress[]? _members;

    /// <summary>Wraps <paramref name="contract"/>, bound to the coordinator's account.</summary>
    public ChainSettlementLedger(CoCoGenSettlementService contract, ChainConnection connection)
    {
        _contract = contract ?? throw new ArgumentNullException(nameof(contract));
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        ContractAddress = contract.Address.ToChainAddress();
    }

    /// <inheritdoc/>
    public long ChainId => _connection.ChainId;

    /// <inheritdoc/>
    public ChainAddress ContractAddress { get; }

    /// <summary>The typed contract binding (for audit reads).</summary>
    public CoCoGenSettlementService Contract => _contract;

    /// <inheritdoc/>
    public Task<ChainReceipt> OpenRoundAsync(int round, CancellationToken cancellationToken) =>
        _contract.OpenRoundAsync(round, cancellationToken).ToReceiptAsync();

    /// <inheritdoc/>
    public Task<ChainReceipt> RecordProfileAsync(int round, ChainAddress member, ContributionProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _contract.ProfileRecordAsync(round, member.ToEthereumAddress(), profile.ToProfile(), cancellationToken).ToReceiptAsync();
    }

    /// <inheritdoc/>
    public Task<ChainReceipt> CloseRoundAsync(int round, CancellationToken cancellationToken) =>
        _contract.CloseRoundAsync(round, cancellationToken).ToReceiptAsync();

    /// <inheritdoc/>
    public async Task<IReadOnlyList<BigInteger>> CalculatePayoffAsync(int round, CancellationToken cancellationToken)
    {
        if (await _contract.RoundStatusAsync(round, cancellationToken).ConfigureAwait(false) != RoundStatus.Settled)
        {
            return await _contract.PayoffCalculateAsync(round, cancellationToken).ConfigureAwait(false);
        }

        var members = await MembersAsync(cancellationToken).ConfigureAwait(false);
        var transfers = (await _contract.EventsAsync<PayoffTransferredEventDTO>(cancellationToken).ConfigureAwait(false))
            .Select(log => log.Event).Where(t => t.Round == round).ToArray();
        return members.Select(m => transfers.Where(t => EthereumAddress.Parse(t.Member).ToChainAddress() == m).Aggregate(BigInteger.Zero, (sum, t) => sum + t.NetWei)).ToArray();
    }

    /// <inheritdoc/>
    public Task<ChainReceipt> TransferPayoffAsync(int round, CancellationToken cancellationToken) =>
        _contract.PayoffTransferAsync(round, cancellationToken).ToReceiptAsync();

    /// <inheritdoc/>
    public async Task<SettlementRoundStatus> GetRoundStatusAsync(int round, CancellationToken cancellationToken) =>
        (SettlementRoundStatus)await _contract.RoundStatusAsync(round, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task WaitForDeadlineAsync(int round, CancellationToken cancellationToken)
    {
        var deadline = await _contract.RoundDeadlineAsync(round, cancellationToken).ConfigureAwait(false);
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
    public async Task<IReadOnlyCollection<ChainAddress>> GetSubmittersAsync(int round, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(cancellationToken).ConfigureAwait(false);
        var mask = (await _contract.RoundMembersAsync(round, cancellationToken).ConfigureAwait(false)).SubmittedMask;
        return members.Where((_, i) => ((mask >> i) & 1UL) != 0).ToArray();
    }

    /// <inheritdoc/>
    public Task<BigInteger> GetBondAsync(ChainAddress member, CancellationToken cancellationToken) =>
        _contract.BondOfAsync(member.ToEthereumAddress(), cancellationToken);

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
