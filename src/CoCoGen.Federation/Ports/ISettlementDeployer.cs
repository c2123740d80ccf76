namespace CoCoGen.Federation.Ports;

/// <summary>Puts a settlement contract on chain for a run, or finds the run's contract again on resume.</summary>
public interface ISettlementDeployer
{
    /// <summary>Deploys the contract and configures it: members, competition, γ.</summary>
    Task<ISettlementLedger> DeployAsync(SettlementTerms terms, CancellationToken cancellationToken);

    /// <summary>Attaches to a contract deployed earlier (resume, audit).</summary>
    Task<ISettlementLedger> AttachAsync(ChainAddress contractAddress, CancellationToken cancellationToken);
}
