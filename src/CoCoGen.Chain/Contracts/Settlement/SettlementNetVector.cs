using System.Numerics;
using Nethereum.ABI;
using Nethereum.Util;

namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>
/// The net vector that <c>commitNet</c> takes (M^Shap), checked off chain as the contract checks it, and the hash
/// <c>RoundSettled</c> publishes of every settled round's nets, so a caller can verify a settlement from its log.
/// </summary>
public static class SettlementNetVector
{
    /// <summary>The contract's <c>MAX_ABS_NET_WEI</c>: the largest |entry| it accepts (1e54).</summary>
    public static readonly BigInteger MaxAbsNetWei = BigInteger.Pow(10, 54);

    private static readonly BigInteger MaxInt256 = BigInteger.Pow(2, 255) - 1;
    private static readonly BigInteger MinInt256 = -BigInteger.Pow(2, 255);

    /// <summary>keccak256(abi.encodePacked(netWei)): each entry as a 32-byte two's-complement word, concatenated.</summary>
    /// <param name="netWei">The entries, by member index.</param>
    /// <exception cref="ArgumentOutOfRangeException">An entry does not fit in int256.</exception>
    public static byte[] Hash(IReadOnlyList<BigInteger> netWei)
    {
        ArgumentNullException.ThrowIfNull(netWei);
        var encoder = new ABIEncode();
        var packed = new List<byte>(netWei.Count * 32);
        for (var i = 0; i < netWei.Count; i++)
        {
            if (netWei[i] < MinInt256 || netWei[i] > MaxInt256)
            {
                throw new ArgumentOutOfRangeException(nameof(netWei), netWei[i], $"Entry {i} does not fit in int256.");
            }

            // encodePacked pads array elements to 32 bytes, so each entry is its ABI word.
            packed.AddRange(encoder.GetABIEncoded(new ABIValue("int256", netWei[i])));
        }

        return Sha3Keccack.Current.CalculateHash(packed.ToArray());
    }

    /// <summary>Checks what <c>commitNet</c> checks: every |entry| ≤ <see cref="MaxAbsNetWei"/>, no debit above the cap, and Σ = 0 exactly.</summary>
    /// <param name="netWei">The entries, by member index.</param>
    /// <param name="debitCapWei">The most one member may pay in a round.</param>
    /// <exception cref="ArgumentException">An entry is out of range or above the cap, or the sum is not 0; the message names the entry or the sum.</exception>
    public static void EnsureBalanced(IReadOnlyList<BigInteger> netWei, BigInteger debitCapWei)
    {
        ArgumentNullException.ThrowIfNull(netWei);
        var sum = BigInteger.Zero;
        for (var i = 0; i < netWei.Count; i++)
        {
            if (BigInteger.Abs(netWei[i]) > MaxAbsNetWei)
            {
                throw new ArgumentException($"Net entry {i} is {netWei[i]} wei, beyond ±{MaxAbsNetWei}.", nameof(netWei));
            }

            if (-netWei[i] > debitCapWei)
            {
                throw new ArgumentException($"Net entry {i} debits {-netWei[i]} wei, above the debit cap of {debitCapWei} wei.", nameof(netWei));
            }

            sum += netWei[i];
        }

        if (!sum.IsZero)
        {
            throw new ArgumentException($"The net vector sums to {sum} wei, not 0.", nameof(netWei));
        }
    }
}
