using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>The off-chain mirror of the contract's pair rule, debit cap included (the coordinator's preview, the audit's recomputation).</summary>
public interface ISettlementArithmetic
{
    /// <summary>Net transfer per member in wei, exactly as the contract computes it.</summary>
    /// <param name="terms">The contract's configuration (γ, ρ̂, wei per unit, the debit cap).</param>
    /// <param name="contributionWad">x_i × 1e18 per member; 0 for members whose update was not averaged.</param>
    /// <param name="active">Whether each member takes part in the round.</param>
    IReadOnlyList<BigInteger> NetTransfersWei(SettlementTerms terms, IReadOnlyList<BigInteger> contributionWad, IReadOnlyList<bool> active);
}
