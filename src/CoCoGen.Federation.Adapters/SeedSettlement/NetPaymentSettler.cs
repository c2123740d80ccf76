using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;

namespace CoCoGen.Federation.Adapters.SeedSettlement;

/// <summary>
/// Settles one round of a budget-balanced payment vector (M^Shap's payments, in payoff units) on CoCoGenSettlement:
/// converts it to wei summing to exactly 0 (<see cref="PaymentWeiConverter"/>), opens the round, has the coordinator
/// record and every member submit its profile, closes the round and applies the vector with <c>payoffTransferNet</c>.
/// Everything that can be checked off chain (member order, balance, bond coverage) is checked before the round is
/// opened, so bad input writes nothing.
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
    /// <param name="profiles">One profile per member, recorded by the coordinator and submitted by the member.</param>
    /// <param name="cancellationToken">Cancels sending and waiting.</param>
    /// <exception cref="ArgumentException">Counts disagree or the vector is not balanced; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The members are not the contract's, in order, or a payer's bond does not cover its debit (named, with the round); nothing was sent. Or the round was disputed at close.</exception>
    public async Task<NetPaymentSettlement> SettleAsync(int round, IReadOnlyList<double> payments, IReadOnlyList<Profile> profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(profiles);
        int n = _members.Length;
        if (payments.Count != n || profiles.Count != n)
        {
            throw new ArgumentException($"round {round}: {payments.Count} payments and {profiles.Count} profiles for {n} members.");
        }

        var registered = await _coordinator.MemberCountAsync(cancellationToken).ConfigureAwait(false);
        if (registered != n)
        {
            throw new InvalidOperationException($"round {round}: the contract has {registered} members, the settler {n}.");
        }

        var weiPerUnit = await _coordinator.WeiPerUnitAsync(cancellationToken).ConfigureAwait(false);
        var netWei = PaymentWeiConverter.ToWei(payments, weiPerUnit);
        SettlementNetVector.EnsureBalanced(netWei);
        for (int i = 0; i < n; i++)
        {
            var account = await _coordinator.MemberAtAsync(i, cancellationToken).ConfigureAwait(false);
            if (account != _members[i].Account)
            {
                throw new InvalidOperationException($"round {round}: member {i} is {account} on chain, not {_members[i].Account}.");
            }

            var bond = await _coordinator.BondOfAsync(account, cancellationToken).ConfigureAwait(false);
            if (netWei[i].Sign < 0 && bond < -netWei[i])
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: member {i} ({account}) owes {-netWei[i]} wei but its bond is {bond} wei; it must top up before the round opens."));
            }
        }

        await _coordinator.OpenRoundAsync(round, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < n; i++)
        {
            await _coordinator.ProfileRecordAsync(round, _members[i].Account, profiles[i], cancellationToken).ConfigureAwait(false);
        }

        await Task.WhenAll(_members.Select((member, i) => member.ContributionSubmitAsync(round, profiles[i], cancellationToken))).ConfigureAwait(false);
        await _coordinator.CloseRoundAsync(round, cancellationToken).ConfigureAwait(false);
        var status = await _coordinator.RoundStatusAsync(round, cancellationToken).ConfigureAwait(false);
        if (status != RoundStatus.Closed)
        {
            throw new InvalidOperationException($"round {round}: closed as {status}, not Closed; nothing was transferred.");
        }

        var mined = await _coordinator.PayoffTransferNetAsync(round, netWei, cancellationToken).ConfigureAwait(false);
        var published = _coordinator.EventsIn<PayoffNetTransferredEventDTO>(mined);
        if (published.Count != 1 || !published[0].NetHash.AsSpan().SequenceEqual(SettlementNetVector.Hash(netWei)))
        {
            throw new InvalidOperationException($"round {round}: the settlement's PayoffNetTransferred event does not carry the hash of the vector sent.");
        }

        return new NetPaymentSettlement(round, netWei, _coordinator.EventsIn<PayoffTransferredEventDTO>(mined), mined);
    }
}
