using System.Numerics;
using CoCoGen.Chain.Rpc;

namespace CoCoGen.Chain.Sending;

/// <summary>
/// EIP-1559 fee choice: tip = median of the last blocks' median tips (eth_feeHistory), or eth_maxPriorityFeePerGas
/// when the history has none; max fee = 2 × next base fee + tip, which stays valid through six full blocks of
/// base-fee growth (12.5 % each).
/// </summary>
public sealed class FeeOracle
{
    private const int HistoryBlocks = 5;
    private readonly IEthereumRpc _rpc;

    /// <summary>Reads fees from the given node.</summary>
    public FeeOracle(IEthereumRpc rpc) => _rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));

    /// <summary>Fees for a transaction to be sent now.</summary>
    public async Task<FeeSuggestion> SuggestAsync(CancellationToken cancellationToken)
    {
        var history = await _rpc.FeeHistoryAsync(HistoryBlocks, [50], cancellationToken).ConfigureAwait(false);
        var tips = history.Reward.Where(block => block.Count > 0).Select(block => block[0]).Where(tip => tip > 0).Order().ToArray();
        var tip = tips.Length > 0
            ? tips[tips.Length / 2]
            : await _rpc.MaxPriorityFeePerGasAsync(cancellationToken).ConfigureAwait(false);
        return Compose(history.NextBaseFee, tip);
    }

    /// <summary>The fee rule itself: max fee = 2 × base fee + tip.</summary>
    public static FeeSuggestion Compose(BigInteger baseFee, BigInteger tip)
    {
        if (baseFee.Sign < 0 || tip.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baseFee), $"Fees are non-negative (base fee {baseFee}, tip {tip}).");
        }

        return new FeeSuggestion((2 * baseFee) + tip, tip);
    }

    /// <summary>Fees for replacing a pending transaction: each at least 12.5 % above the old one (nodes demand ≥ 10 %), and at least the current suggestion.</summary>
    public static FeeSuggestion Bump(FeeSuggestion old, FeeSuggestion current)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(current);
        static BigInteger Raise(BigInteger value) => value + (value / 8) + 1;
        var tip = BigInteger.Max(Raise(old.MaxPriorityFeePerGas), current.MaxPriorityFeePerGas);
        var maxFee = BigInteger.Max(BigInteger.Max(Raise(old.MaxFeePerGas), current.MaxFeePerGas), tip);
        return new FeeSuggestion(maxFee, tip);
    }
}
