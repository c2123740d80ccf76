using CoCoGen.Chain.Accounts;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Ledger;

/// <summary>
/// The one place where the chain client's values become the protocol's and back, byte for byte: addresses
/// (<see cref="EthereumAddress"/> ⇄ <see cref="ChainAddress"/>) and transaction hashes (<see cref="TransactionHash"/> ⇄
/// <see cref="Hash32"/>). Nothing on either side re-parses a string the other wrote.
/// </summary>
public static class ChainValues
{
    /// <summary>The protocol's form of a chain address.</summary>
    public static ChainAddress ToChainAddress(this EthereumAddress address) => ChainAddress.FromBytes(address.ToBytes());

    /// <summary>The chain client's form of a protocol address (its EIP-55 spelling is <see cref="EthereumAddress.ToChecksumString"/>).</summary>
    public static EthereumAddress ToEthereumAddress(this ChainAddress address) => EthereumAddress.FromBytes(address.ToBytes());

    /// <summary>The protocol's form of a transaction hash.</summary>
    public static Hash32 ToHash32(this TransactionHash hash) => Hash32.FromBytes(hash.ToBytes());

    /// <summary>The chain client's form of a protocol hash.</summary>
    public static TransactionHash ToTransactionHash(this Hash32 hash) => TransactionHash.FromBytes(hash.ToBytes());
}
