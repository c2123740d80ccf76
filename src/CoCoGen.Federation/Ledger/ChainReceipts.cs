using CoCoGen.Chain.Rpc;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Ledger;

/// <summary>Conversions between the chain client's types and the protocol's.</summary>
internal static class ChainReceipts
{
    /// <summary>
    /// Sends through <paramref name="send"/>; when it fails, forgets the account's cached nonce (outside the
    /// sender's nonce lock) so a transaction the node consumed while reporting an error cannot leave a gap.
    /// </summary>
    public static async Task<ChainReceipt> SendAsync(
        this ChainConnection connection, CoCoGen.Chain.Accounts.EthereumAddress account, Func<Task<TransactionReceipt>> send, CancellationToken cancellationToken)
    {
        try
        {
            return (await send().ConfigureAwait(false)).ToReceipt();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.Nonces.ResyncAsync(account, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    public static ChainReceipt ToReceipt(this TransactionReceipt receipt) => new(receipt.TransactionHash, (long)receipt.BlockNumber);

    public static CoCoGen.Chain.Contracts.Settlement.Profile ToProfile(this ContributionProfile profile) => new(
        profile.LocalSamples,
        profile.SyntheticSamples,
        profile.LossWad,
        profile.ContributionWad,
        CoCoGen.Chain.Primitives.Hex.Decode(profile.WeightsHash));
}
