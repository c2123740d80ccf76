using System.Numerics;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>A member as the audit read it.</summary>
/// <param name="Index">Registration index.</param>
/// <param name="Address">Its account (lower-case hex).</param>
/// <param name="DepositedWei">The sum of its BondDeposited events.</param>
/// <param name="BondWei">Its bond on chain when the audit read it (deposits plus transfers, as checked).</param>
public sealed record AuditedMember(int Index, string Address, BigInteger DepositedWei, BigInteger BondWei);
