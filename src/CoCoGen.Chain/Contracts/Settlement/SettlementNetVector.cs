using System.Numerics;
using Nethereum.ABI;
using Nethereum.Util;

namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>
/// The net vector that <c>payoffTransferNet</c> takes, checked off chain as the contract checks it, and the hash its
/// <c>PayoffNetTransferred</c> event publishes, so a caller can verify a settlement from its log.
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

    /// <summary>Checks what the contract checks before coverage: every |entry| ≤ <see cref="MaxAbsNetWei"/> and Σ = 0 exactly.</summary>
    /// <param name="netWei">The entries, by member index.</param>
    /// <exception cref="ArgumentException">An entry is out of range or the sum is not 0; the message names the entry or the sum.</exception>
    public static void EnsureBalanced(IReadOnlyList<BigInteger> netWei)
    {
        ArgumentNullException.ThrowIfNull(netWei);
        var sum = BigInteger.Zero;
        for (var i = 0; i < netWei.Count; i++)
        {
            if (BigInteger.Abs(netWei[i]) > MaxAbsNetWei)
            {
                throw new ArgumentException($"Net entry {i} is {netWei[i]} wei, beyond ±{MaxAbsNetWei}.", nameof(netWei));
            }

            sum += netWei[i];
        }

        if (!sum.IsZero)
        {
            throw new ArgumentException($"The net vector sums to {sum} wei, not 0.", nameof(netWei));
        }
    }
}
