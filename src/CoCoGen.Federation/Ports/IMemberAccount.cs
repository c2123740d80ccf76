namespace CoCoGen.Federation.Ports;

/// <summary>An organization's own chain account (its HD-derived key), before and after it knows the contract.</summary>
public interface IMemberAccount
{
    /// <summary>The account's address.</summary>
    ChainAddress Address { get; }

    /// <summary>
    /// Binds the account to the deployed settlement contract; refuses a chain whose id differs from
    /// <paramref name="chainId"/>.
    /// </summary>
    Task<IMemberLedger> BindAsync(ChainAddress contractAddress, long chainId, CancellationToken cancellationToken);
}
