using CoCoGen.Federation.Adapters.Guidance;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Protocol;
using Microsoft.Extensions.Options;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// The resolved configuration of a run, every section after defaults, file and command line: what
/// config.json in the run directory holds. It carries no key material (only where the mnemonic comes from).
/// </summary>
public sealed record FederationSettings
{
    /// <summary>Round protocol.</summary>
    public required ProtocolOptions Protocol { get; init; }

    /// <summary>Data and training.</summary>
    public required LearningOptions Learning { get; init; }

    /// <summary>Mechanism.</summary>
    public required MechanismOptions Mechanism { get; init; }

    /// <summary>Chain endpoint and key source.</summary>
    public required ChainOptions Chain { get; init; }

    /// <summary>Run directory.</summary>
    public required RunOptions Run { get; init; }

    /// <summary>Collects the validated option sections.</summary>
    public static FederationSettings From(
        IOptions<ProtocolOptions> protocol, IOptions<LearningOptions> learning, IOptions<MechanismOptions> mechanism, IOptions<ChainOptions> chain, IOptions<RunOptions> run)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(learning);
        ArgumentNullException.ThrowIfNull(mechanism);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(run);
        return new FederationSettings
        {
            Protocol = protocol.Value,
            Learning = learning.Value,
            Mechanism = mechanism.Value,
            Chain = chain.Value,
            Run = run.Value,
        };
    }
}
