using CoCoGen.Chain.Sending;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>Conversions between the chain client's types and the protocol's.</summary>
internal static class ChainReceipts
{
    /// <summary>
    /// Awaits a send and converts its receipt. A failed send needs no nonce repair here: the chain client's
    /// NonceAllocator re-reads the account's nonce from the node after any failed broadcast.
    /// </summary>
    public static async Task<ChainReceipt> ToReceiptAsync(this Task<MinedTransaction> send) =>
        (await send.ConfigureAwait(false)).ToReceipt();

    public static ChainReceipt ToReceipt(this MinedTransaction mined) => new(mined.Hash.ToHash32(), mined.BlockNumber);
}
