using System.Numerics;

namespace CoCoGen.Chain.Contracts.Settlement;

/// <summary>
/// The contract's exact integer transfer arithmetic (v2's pair rule), mirrored for off-chain previews to the wei
/// (docs/contract.md): for each unordered pair i &lt; j of the round's n active members, rate = γ·ρ̂ᵢⱼ / 1e18 (floor),
/// rWad = rate·(xᵢ − xⱼ) / 1e18 and rWei = rWad·weiPerUnit / 1e18 (both truncated toward zero, as Solidity's signed
/// division), clamped to ±floor(debitCap / (n − 1)) so no member pays more than debitCap; netᵢ += rWei, netⱼ −= rWei.
/// </summary>
public static class SettlementTransferPreview
{
    /// <summary>1e18, the fixed-point scale.</summary>
    public static readonly BigInteger WadScale = BigInteger.Pow(10, 18);

    /// <summary>Net transfer in wei per member index (0 for inactive members); the entries sum to exactly 0.</summary>
    /// <param name="contributionWad">xᵢ per member (Wad); non-submitters count 0.</param>
    /// <param name="active">Whether member i takes part in the round.</param>
    /// <param name="rhoWad">ρ̂ (Wad), n×n, symmetric with zero diagonal.</param>
    /// <param name="gammaWad">γ (Wad).</param>
    /// <param name="weiPerUnit">Wei per payoff unit.</param>
    /// <param name="debitCapWei">The most one member pays in a round (the contract's debitCapWei).</param>
    /// <exception cref="ArgumentException">Lengths disagree, ρ̂ is not symmetric with zero diagonal in [0, 1e18], or γ, weiPerUnit or the cap is negative; the message names the entry.</exception>
    public static BigInteger[] NetWei(
        IReadOnlyList<BigInteger> contributionWad, IReadOnlyList<bool> active, BigInteger[,] rhoWad, BigInteger gammaWad, BigInteger weiPerUnit, BigInteger debitCapWei)
    {
        ArgumentNullException.ThrowIfNull(contributionWad);
        ArgumentNullException.ThrowIfNull(active);
        ArgumentNullException.ThrowIfNull(rhoWad);
        var n = contributionWad.Count;
        if (active.Count != n || rhoWad.GetLength(0) != n || rhoWad.GetLength(1) != n)
        {
            throw new ArgumentException($"Preview needs {n} contributions, {n} active flags and a {n}×{n} ρ̂; got {active.Count} flags and {rhoWad.GetLength(0)}×{rhoWad.GetLength(1)}.");
        }

        if (gammaWad.Sign < 0 || weiPerUnit.Sign < 0 || debitCapWei.Sign < 0)
        {
            throw new ArgumentException($"gammaWad ({gammaWad}), weiPerUnit ({weiPerUnit}) and debitCapWei ({debitCapWei}) must be non-negative.");
        }

        for (var i = 0; i < n; i++)
        {
            if (!rhoWad[i, i].IsZero)
            {
                throw new ArgumentException($"ρ̂[{i},{i}] must be 0, got {rhoWad[i, i]}.", nameof(rhoWad));
            }

            for (var j = i + 1; j < n; j++)
            {
                if (rhoWad[i, j] != rhoWad[j, i] || rhoWad[i, j].Sign < 0 || rhoWad[i, j] > WadScale)
                {
                    throw new ArgumentException($"ρ̂[{i},{j}] = {rhoWad[i, j]} and ρ̂[{j},{i}] = {rhoWad[j, i]} must be equal and within [0, 1e18].", nameof(rhoWad));
                }
            }
        }

        var net = new BigInteger[n];
        var members = active.Count(a => a);
        if (members < 2)
        {
            return net;
        }

        var pairCap = debitCapWei / (members - 1);
        for (var i = 0; i < n; i++)
        {
            if (!active[i])
            {
                continue;
            }

            for (var j = i + 1; j < n; j++)
            {
                if (!active[j])
                {
                    continue;
                }

                var transfer = BigInteger.Clamp(PairTransferWei(contributionWad[i], contributionWad[j], rhoWad[i, j], gammaWad, weiPerUnit), -pairCap, pairCap);
                net[i] += transfer;
                net[j] -= transfer;
            }
        }

        return net;
    }

    /// <summary>rᵢⱼ in wei for one pair before the cap: positive means j pays i.</summary>
    public static BigInteger PairTransferWei(BigInteger contributionWadI, BigInteger contributionWadJ, BigInteger rhoWadIJ, BigInteger gammaWad, BigInteger weiPerUnit)
    {
        // BigInteger division truncates toward zero, exactly like Solidity's int256 division.
        var rate = gammaWad * rhoWadIJ / WadScale;
        var transferWad = rate * (contributionWadI - contributionWadJ) / WadScale;
        return transferWad * weiPerUnit / WadScale;
    }

    /// <summary>A decimal as a Wad integer: exact up to 18 decimals, truncated toward zero beyond.</summary>
    public static BigInteger ToWad(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xff;
        var wad = scale <= 18 ? mantissa * BigInteger.Pow(10, 18 - scale) : mantissa / BigInteger.Pow(10, scale - 18);
        return bits[3] < 0 ? -wad : wad;
    }

    /// <summary>A double as the nearest Wad integer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or infinite.</exception>
    public static BigInteger ToWad(double value) =>
        double.IsFinite(value)
            ? new BigInteger(Math.Round(value * 1e18, MidpointRounding.ToEven))
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values have a Wad.");
}
