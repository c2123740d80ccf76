namespace CoCoGen.Chain.Hosting;

/// <summary>What <c>cocogen chain status</c> reports about the local chain in one folder.</summary>
/// <param name="Directory">The chain's folder.</param>
/// <param name="Running">Whether its node process is alive and answers with the expected chain id.</param>
/// <param name="ProcessId">The node's process id, when one is recorded and alive.</param>
/// <param name="Endpoint">The JSON-RPC endpoint.</param>
/// <param name="ChainId">The chain id.</param>
/// <param name="BlockNumber">The latest block, when the node answers.</param>
public sealed record LocalChainStatus(string Directory, bool Running, int? ProcessId, Uri Endpoint, long ChainId, long? BlockNumber);
