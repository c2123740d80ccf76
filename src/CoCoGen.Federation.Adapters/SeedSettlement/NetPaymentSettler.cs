using CoCoGen.Federation.Adapters.Ledger;
using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;

namespace CoCoGen.Federation.Adapters.SeedSettlement;

/// <summary>
/// Settles one round of a budget-balanced payment vector (M^Shap's payments, in payoff units) on CoCoGenSettlement:
/// converts it to wei summing to exactly 0 (<see cref="PaymentWeiConverter"/>), opens the round in the net-vector mode
/// with the validation seed's hash, commits the vector with the evidence root, has every member accept it, and settles
/// it as soon as the acceptances decide the round. Everything that can be checked off chain (member order, balance, the
/// debit cap, every member's minimum bond) is checked before the round is opened, so bad input writes nothing.
/// </summary>
public sealed class NetPaymentSettler
{
    private readonly CoCoGenSettlementService _coordinator;
    private readonly CoCoGenSettlementService[] _members;

    /// <summary>Settles through <paramref name="coordinator"/> (the contract seen from the coordinator's account).</summary>
    /// <param name="coordinator">The contract bound to the coordinator's account.</param>
    /// <param name="members">The contract bound to each member's account, in member-index order.</param>
    public NetPaymentSettler(CoCoGenSettlementService coordinator, IReadOnlyList<CoCoGenSettlementService> members)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(members);
        _coordinator = coordinator;
        _members = members.ToArray();
    }

    /// <summary>Runs round <paramref name="round"/> and settles <paramref name="payments"/>.</summary>
    /// <param name="round">The next round number (lastRound + 1).</param>
    /// <param name="payments">One payment per member in payoff units, member-index order; positive receives.</param>
    /// <param name="seedHash">The round's validation seed hash (32 bytes), committed at opening.</param>
    /// <param name="evidenceRoot">The round's evidence bundle hash (32 bytes), committed with the vector.</param>
    /// <param name="cancellationToken">Cancels sending and waiting.</param>
    /// <exception cref="ArgumentException">Counts disagree, or the vector is not balanced or debits a member above the cap; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The members are not the contract's, in order, or a member's bond is below the minimum (named, with the round); nothing was sent. Or the round did not settle.</exception>
    public async Task<NetPaymentSettlement> SettleAsync(int round, IReadOnlyList<double> payments, byte[] seedHash, byte[] evidenceRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(seedHash);
        ArgumentNullException.ThrowIfNull(evidenceRoot);
        int n = _members.Length;
        if (payments.Count != n)
        {
            throw new ArgumentException($"round {round}: {payments.Count} payments for {n} members.");
        }

        var registered = await _coordinator.MemberCountAsync(cancellationToken).ConfigureAwait(false);
        if (registered != n)
        {
            throw new InvalidOperationException($"round {round}: the contract has {registered} members, the settler {n}.");
        }

        var weiPerUnit = await _coordinator.WeiPerUnitAsync(cancellationToken).ConfigureAwait(false);
        var limits = await _coordinator.LimitsAsync(cancellationToken).ConfigureAwait(false);
        var netWei = PaymentWeiConverter.ToWei(payments, weiPerUnit);
        SettlementNetVector.EnsureBalanced(netWei, limits.DebitCapWei);
        for (int i = 0; i < n; i++)
        {
            var account = await _coordinator.MemberAtAsync(i, cancellationToken).ConfigureAwait(false);
            if (account != _members[i].Account)
            {
                throw new InvalidOperationException($"round {round}: member {i} is {account} on chain, not {_members[i].Account}.");
            }

            var bond = await _coordinator.BondOfAsync(account, cancellationToken).ConfigureAwait(false);
            if (bond < limits.MinBondWei)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: member {i} ({account}) holds {bond} wei, below the minimum bond of {limits.MinBondWei} wei; it must top up before the round opens."));
            }
        }

        await _coordinator.OpenRoundAsync(round, seedHash, SettlementMode.NetVector, cancellationToken).ConfigureAwait(false);
        await _coordinator.CommitNetAsync(round, netWei, evidenceRoot, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_members.Select(member => member.AcceptCommitmentAsync(round, cancellationToken))).ConfigureAwait(false);
        var mined = await _coordinator.SettleRoundAsync(round, cancellationToken).ConfigureAwait(false);
        var published = _coordinator.EventsIn<RoundSettledEventDTO>(mined);
        if (published.Count != 1 || !published[0].NetHash.AsSpan().SequenceEqual(SettlementNetVector.Hash(netWei)))
        {
            throw new InvalidOperationException($"round {round}: the settlement's RoundSettled event does not carry the hash of the vector committed.");
        }

        return new NetPaymentSettlement(round, netWei, _coordinator.EventsIn<PayoffTransferredEventDTO>(mined), mined);
    }
}
