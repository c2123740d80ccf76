using System.Numerics;

namespace CoCoGen.Federation.Ports;

/// <summary>An organization's own account on the settlement contract.</summary>
public interface IMemberLedger
{
    /// <summary>Adds <paramref name="wei"/> to the member's bond.</summary>
    Task<ChainReceipt> DepositAsync(BigInteger wei, CancellationToken cancellationToken);

    /// <summary>Submits the member's own profile for the round.</summary>
    Task<ChainReceipt> SubmitContributionAsync(int round, ContributionProfile profile, CancellationToken cancellationToken);
}
