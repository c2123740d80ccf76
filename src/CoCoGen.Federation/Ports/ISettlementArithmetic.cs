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

    /// <summary>
    /// M^Shap's net vector in wei for payments in loss units (positive receives): what <c>commitNet</c> takes and
    /// checks. Σ = 0 to the wei, 0 outside the round, no debit above the debit cap (the whole vector is scaled down
    /// when one would be), each entry within one wei of its exact share.
    /// </summary>
    /// <param name="terms">The contract's configuration (wei per unit, the debit cap).</param>
    /// <param name="payments">p_i per member (0 for members whose update was not averaged); Σ p_i = 0 up to rounding.</param>
    /// <param name="active">Whether each member takes part in the round.</param>
    IReadOnlyList<BigInteger> NetVectorWei(SettlementTerms terms, IReadOnlyList<double> payments, IReadOnlyList<bool> active);
}
