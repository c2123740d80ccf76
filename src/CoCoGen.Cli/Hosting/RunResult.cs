using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Protocol;

namespace CoCoGen.Cli.Hosting;

/// <summary>A finished <c>cocogen run</c>: what the rounds produced and what the audit against the chain found.</summary>
/// <param name="Summary">The run's rounds and final model.</param>
/// <param name="Audit">The audit of every settled round against the chain.</param>
/// <param name="Chain">The JSON-RPC endpoint the run settled on (a local chain outlives the run).</param>
public sealed record RunResult(RunSummary Summary, AuditReport Audit, Uri Chain);
