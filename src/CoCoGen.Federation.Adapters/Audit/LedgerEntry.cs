using System.Numerics;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>An organization's money after one round, from the record.</summary>
/// <param name="Round">The round.</param>
/// <param name="Organization">The organization's index in registration order.</param>
/// <param name="TransferWei">This round's net transfer on chain (positive: received); null when the record has none.</param>
/// <param name="ReceivedWei">Wei received over rounds 1..Round (sum of the positive transfers).</param>
/// <param name="PaidWei">Wei paid over rounds 1..Round (sum of the negative transfers, as a positive figure).</param>
/// <param name="BondWei">Deposit plus every transfer so far; null when the deposit is not known.</param>
public sealed record LedgerEntry(int Round, int Organization, BigInteger? TransferWei, BigInteger ReceivedWei, BigInteger PaidWei, BigInteger? BondWei);
