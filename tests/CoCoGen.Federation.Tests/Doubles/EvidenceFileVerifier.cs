using System.Globalization;
using System.Numerics;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Tests.Doubles;

/// <summary>
/// A member's verifier for tests on a real chain: it reads the evidence manifest the commitment's root names from the
/// run directory and checks that the committed x_i are the manifest's (a wrong x is caught); it recomputes nothing else.
/// </summary>
internal sealed class EvidenceFileVerifier(RunDirectory directory) : ICommitmentVerifier
{
    public Task<CommitmentVerdict> VerifyAsync(string organization, RoundCommitment commitment, MemberRoundFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var file = directory.EvidenceManifestFile(commitment.EvidenceRoot.ToString());
        if (!File.Exists(file))
        {
            return Task.FromResult(CommitmentVerdict.Reject([$"round {commitment.Round}, organization {organization}: no evidence bundle {commitment.EvidenceRoot}"]));
        }

        var manifest = RunDirectory.ReadJson<EvidenceManifest>(file);
        var objections = new List<string>();
        for (var i = 0; i < manifest.Contributions.Count; i++)
        {
            var evidence = BigInteger.Parse(manifest.Contributions[i].ContributionWad, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var expected = manifest.Contributions[i].Outcome == UpdateOutcome.Accepted ? evidence : BigInteger.Zero;
            if (i >= commitment.Values.Count || commitment.Values[i] != expected)
            {
                objections.Add($"round {commitment.Round}, organization {organization}: x of {manifest.Contributions[i].Organization} committed {(i < commitment.Values.Count ? commitment.Values[i] : "nothing")} wad, the evidence gives {expected} wad");
            }
        }

        return Task.FromResult(objections.Count == 0 ? CommitmentVerdict.Accept : CommitmentVerdict.Reject(objections));
    }
}
