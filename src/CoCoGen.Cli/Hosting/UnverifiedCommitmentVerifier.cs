using CoCoGen.Federation.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// TEMPORARY stand-in for the organization's verifier: accepts every commitment and logs a warning that it was not
/// verified. The real adapter (recomputation from the evidence bundle, in process and over gRPC) replaces this file at
/// merge; nothing else names this class: the composition root registers it through <see cref="UnverifiedCommitmentVerifierRegistration.AddCommitmentVerifier"/>.
/// </summary>
internal sealed partial class UnverifiedCommitmentVerifier(ILogger<UnverifiedCommitmentVerifier> logger) : ICommitmentVerifier
{
    public Task<CommitmentVerdict> VerifyAsync(string organization, RoundCommitment commitment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        LogNotVerified(logger, organization, commitment.Round, commitment.EvidenceRoot);
        return Task.FromResult(CommitmentVerdict.Accept);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organization {Organization}: the commitment of round {Round} (evidence {EvidenceRoot}) is not verified: this build has no commitment verifier and accepts it")]
    private static partial void LogNotVerified(ILogger logger, string organization, int round, Hash32 evidenceRoot);
}

/// <summary>Registers the organization's commitment verifier (today the temporary <see cref="UnverifiedCommitmentVerifier"/>).</summary>
internal static class UnverifiedCommitmentVerifierRegistration
{
    /// <summary>Adds the <see cref="ICommitmentVerifier"/> every organization agent of this process uses.</summary>
    public static IServiceCollection AddCommitmentVerifier(this IServiceCollection services) =>
        services.AddSingleton<ICommitmentVerifier, UnverifiedCommitmentVerifier>();
}
