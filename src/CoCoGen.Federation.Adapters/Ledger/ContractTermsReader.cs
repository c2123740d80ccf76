using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Ports;
using Ports = CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>
/// The transfer terms a member or an auditor checks against, read from the contract itself (members, ρ̂, γ, weiPerUnit,
/// the limits and timeouts), never taken from the coordinator. They are fixed before round 1, so they are read once per contract. Needs no key.
/// </summary>
public sealed class ContractTermsReader(ChainConnection connection)
{
    private readonly Lock _gate = new();
    private (ChainAddress Contract, Task<SettlementTerms> Terms)? _cached;

    /// <summary>The terms of <paramref name="contract"/>.</summary>
    public Task<SettlementTerms> ReadAsync(ChainAddress contract, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cached is not { } cached || cached.Contract != contract || cached.Terms.IsFaulted || cached.Terms.IsCanceled)
            {
                _cached = (contract, ReadFromChainAsync(contract, cancellationToken));
            }

            return _cached.Value.Terms;
        }
    }

    private async Task<SettlementTerms> ReadFromChainAsync(ChainAddress contractAddress, CancellationToken cancellationToken)
    {
        var endpoint = await connection.EndpointAsync(cancellationToken).ConfigureAwait(false);
        var contract = new CoCoGenSettlementService(contractAddress.ToEthereumAddress(), endpoint.Web3);
        var members = await contract.MembersAsync(cancellationToken).ConfigureAwait(false);
        var n = members.Count;
        var rho = new BigInteger[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rho[(i * n) + j] = i == j ? BigInteger.Zero : await contract.RhoWadAsync(i, j, cancellationToken).ConfigureAwait(false);
            }
        }

        var limits = await contract.LimitsAsync(cancellationToken).ConfigureAwait(false);
        var timeouts = await contract.TimeoutsAsync(cancellationToken).ConfigureAwait(false);
        return new SettlementTerms(
            members.Select(m => m.ToChainAddress()).ToArray(),
            rho,
            await contract.GammaWadAsync(cancellationToken).ConfigureAwait(false),
            BigInteger.Zero,
            await contract.WeiPerUnitAsync(cancellationToken).ConfigureAwait(false),
            new Ports.SettlementLimits(limits.MinBondWei, limits.DebitCapWei, limits.ChallengeStakeWei, limits.CoordinatorBondWei),
            new Ports.SettlementTimeouts(timeouts.CommitSeconds, timeouts.ChallengeWindowSeconds, timeouts.AbsenceSeconds));
    }
}
