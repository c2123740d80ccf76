using CoCoGen.Chain.Accounts;

namespace CoCoGen.Chain.Transactions;

/// <summary>One EIP-2930 access-list entry: an address and the storage keys it will touch.</summary>
/// <param name="Address">The account.</param>
/// <param name="StorageKeys">32-byte storage slots.</param>
public sealed record AccessListEntry(EthereumAddress Address, IReadOnlyList<byte[]> StorageKeys);
