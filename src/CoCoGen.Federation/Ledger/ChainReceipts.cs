using CoCoGen.Chain.Rpc;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Ledger;

/// <summary>Conversions between the chain client's types and the protocol's.</summary>
internal static class ChainReceipts
{
    /// <summary>
    /// Awaits a send and converts its receipt. A failed send needs no nonce repair here: the chain client's
    /// NonceAllocator re-reads the account's nonce from the node after any failed broadcast.
    /// </summary>
    public static async Task<ChainReceipt> ToReceiptAsync(this Task<TransactionReceipt> send) =>
        (await send.ConfigureAwait(false)).ToReceipt();

    public static ChainReceipt ToReceipt(this TransactionReceipt receipt) => new(receipt.TransactionHash, (long)receipt.BlockNumber);

    public static CoCoGen.Chain.Contracts.Settlement.Profile ToProfile(this ContributionProfile profile) => new(
        profile.LocalSamples,
        profile.SyntheticSamples,
        profile.LossWad,
        profile.ContributionWad,
        CoCoGen.Chain.Primitives.Hex.Decode(profile.WeightsHash));
}
