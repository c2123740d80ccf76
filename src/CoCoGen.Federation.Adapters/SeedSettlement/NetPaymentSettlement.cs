using System.Numerics;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Chain.Sending;

namespace CoCoGen.Federation.Adapters.SeedSettlement;

/// <summary>What <see cref="NetPaymentSettler"/> settled: the round, the wei vector sent, and the transfers the contract emitted.</summary>
/// <param name="Round">The settled round.</param>
/// <param name="NetWei">The vector applied, by member index; sums to 0.</param>
/// <param name="Transfers">One <c>PayoffTransferred</c> per round member, in index order.</param>
/// <param name="Transaction">The mined <c>settleRound</c>.</param>
public sealed record NetPaymentSettlement(int Round, IReadOnlyList<BigInteger> NetWei, IReadOnlyList<PayoffTransferredEventDTO> Transfers, MinedTransaction Transaction);
