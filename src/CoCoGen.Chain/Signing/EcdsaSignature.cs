using System.Numerics;

namespace CoCoGen.Chain.Signing;

/// <summary>A recoverable secp256k1 signature: r, s (low-s form) and the recovery id (y parity of R, 0 or 1).</summary>
/// <param name="R">The r component.</param>
/// <param name="S">The s component, at most n/2.</param>
/// <param name="RecoveryId">0 or 1: which of the two candidate points R was.</param>
public sealed record EcdsaSignature(BigInteger R, BigInteger S, int RecoveryId);
