using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>The off-chain mirror of the contract's transfer arithmetic (step 6 preview).</summary>
public interface ISettlementArithmetic
{
    /// <summary>Net transfer per member in wei, exactly as the contract computes it.</summary>
    /// <param name="terms">The contract's configuration.</param>
    /// <param name="contributionWad">x_i × 1e18 per member; members that did not submit count 0.</param>
    /// <param name="active">Whether each member takes part in the round.</param>
    IReadOnlyList<BigInteger> NetTransfersWei(SettlementTerms terms, IReadOnlyList<BigInteger> contributionWad, IReadOnlyList<bool> active);
}
