using CoCoGen.Chain.Rpc;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Ledger;

/// <summary>Conversions between the chain client's types and the protocol's.</summary>
internal static class ChainReceipts
{
    public static ChainReceipt ToReceipt(this TransactionReceipt receipt) => new(receipt.TransactionHash, (long)receipt.BlockNumber);

    public static CoCoGen.Chain.Contracts.Settlement.Profile ToProfile(this ContributionProfile profile) => new(
        profile.LocalSamples,
        profile.SyntheticSamples,
        profile.LossWad,
        profile.ContributionWad,
        CoCoGen.Chain.Primitives.Hex.Decode(profile.WeightsHash));
}
