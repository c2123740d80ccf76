namespace CoCoGen.Chain.Rpc;

/// <summary>Block selectors of the JSON-RPC API.</summary>
public static class BlockTag
{
    /// <summary>The latest mined block.</summary>
    public const string Latest = "latest";

    /// <summary>The latest block plus the node's pending transactions (for nonces).</summary>
    public const string Pending = "pending";

    /// <summary>A specific block number as a quantity.</summary>
    public static string Number(ulong blockNumber) => HexQuantity.Encode(blockNumber);
}
