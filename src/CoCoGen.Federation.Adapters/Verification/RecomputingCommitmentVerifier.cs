using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CoCoGen.Federation.Adapters.Verification;

/// <summary>
/// An organization's own check of a round's on-chain commitment before it accepts it: it fetches the bundle the
/// commitment's evidence root names, recomputes the round with a meter of its own (<see cref="RoundRecomputation"/>),
/// and compares every committed field (the seed hash, each member's value, the contract's nets) with its figures and
/// the evidence with what it knows first-hand (the weights it trained from, its own upload). Each objection is one line
/// naming round, organization, field, committed and recomputed values. Construct one per organization, with its own
/// meter: nothing is shared with the coordinator's evaluator or another member's.
/// </summary>
public sealed partial class RecomputingCommitmentVerifier(
    IEvidenceBundleReader bundle,
    IContributionMeter meter,
    ISettlementArithmetic arithmetic,
    IWeightsHasher hasher,
    ContractTermsReader terms,
    IReadOnlyList<OrganizationProfile> roster,
    TimeProvider time,
    ILogger<RecomputingCommitmentVerifier> logger) : ICommitmentVerifier
{
    private readonly RoundRecomputation _recomputation = new(meter, arithmetic, hasher);

    /// <inheritdoc/>
    public async Task<CommitmentVerdict> VerifyAsync(string organization, RoundCommitment commitment, MemberRoundFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(commitment);
        ArgumentNullException.ThrowIfNull(facts);
        var started = time.GetTimestamp();
        var objections = await ObjectionsAsync(organization, commitment, facts, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        LogVerified(logger, organization, commitment.Round, objections.Count == 0 ? "accepts" : "rejects", objections.Count, elapsed.TotalSeconds);
        foreach (var objection in objections)
        {
            LogObjection(logger, organization, objection);
        }

        return objections.Count == 0 ? CommitmentVerdict.Accept : CommitmentVerdict.Reject(objections);
    }

    private async Task<List<string>> ObjectionsAsync(string organization, RoundCommitment commitment, MemberRoundFacts facts, CancellationToken cancellationToken)
    {
        var r = commitment.Round;
        var objections = new List<string>();
        void Object(string? who, string field, string committed, string recomputed) =>
            objections.Add($"round {r}{(who is null ? "" : $", {who}")}: {field} committed {committed}, recomputed {recomputed}");

        var own = roster.Select(o => o.Id).ToList().IndexOf(organization);
        if (own < 0)
        {
            objections.Add($"round {r}, {organization}: not a member of the roster ({string.Join(", ", roster.Select(o => o.Id))})");
            return objections;
        }

        var settlement = await terms.ReadAsync(facts.Contract, cancellationToken).ConfigureAwait(false);
        var n = roster.Count;
        if (!settlement.Members.SequenceEqual(roster.Select(o => o.Address)))
        {
            objections.Add($"round {r}: the contract's members ({string.Join(", ", settlement.Members)}) are not the roster's addresses");
            return objections;
        }

        var assigned = new long?[n];
        assigned[own] = facts.AssignedSynthetic;
        var context = new RoundEvidenceContext(r, facts.Contract, roster, assigned, facts.GlobalBefore, settlement);
        RecomputedRound recomputed;
        try
        {
            recomputed = await _recomputation.RecomputeAsync(bundle, commitment.EvidenceRoot.ToString(), context, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            // A bundle that cannot be fetched cannot be checked: the member does not accept what it could not recompute.
            objections.Add($"round {r}: evidenceRoot {commitment.EvidenceRoot} could not be fetched from {bundle.Location} ({ex.Status.StatusCode}: {ex.Status.Detail})");
            return objections;
        }

        foreach (var failed in recomputed.Checks.Where(c => !c.Passed))
        {
            objections.Add(WithField(failed));
        }

        if (recomputed.Manifest is not { } manifest)
        {
            return objections;
        }

        var revealed = manifest.Validation.Seed.StartsWith("0x", StringComparison.Ordinal) && manifest.Validation.Seed.Length == 66
            ? "0x" + Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(manifest.Validation.Seed.AsSpan(2))))
            : $"nothing (the revealed seed '{manifest.Validation.Seed}' is not 32 bytes)";
        if (revealed != commitment.SeedHash.ToString())
        {
            Object(null, "seedHash", commitment.SeedHash.ToString(), $"{revealed} from the revealed seed");
        }

        if (facts.Remembers)
        {
            CheckOwnUpdate(organization, own, manifest, facts.Upload, objections, r);
        }
        if (commitment.Values.Count != n || commitment.NetWei.Count != n)
        {
            objections.Add(string.Create(CultureInfo.InvariantCulture, $"round {r}: {commitment.Values.Count} values and {commitment.NetWei.Count} nets committed, the roster has {n} members"));
            return objections;
        }

        if (recomputed.Figures is not { } figures)
        {
            if (objections.Count == 0)
            {
                objections.Add($"round {r}: the bundle averages no update, so nothing committed can be recomputed");
            }

            return objections;
        }

        var (field, values) = commitment.Mode == SettlementMode.PairRule
            ? ("value (x_i wad)", figures.ContributionWad)
            : ("value (net wei, the rule of the bundle)", figures.NetWei);
        for (var i = 0; i < n; i++)
        {
            if (commitment.Values[i] != values[i])
            {
                Object(roster[i].Id, field, Text(commitment.Values[i]), Text(values[i]));
            }

            if (commitment.NetWei[i] != figures.NetWei[i])
            {
                Object(roster[i].Id, "netWei", Text(commitment.NetWei[i]), Text(figures.NetWei[i]));
            }
        }

        return objections;
    }

    private static void CheckOwnUpdate(string organization, int own, EvidenceManifest manifest, UploadedUpdate? upload, List<string> objections, int r)
    {
        var averaged = manifest.Updates.FirstOrDefault(u => u.Organization == organization);
        var valued = manifest.Contributions.Count > own ? manifest.Contributions[own] : null;
        if (upload is null)
        {
            if (averaged is not null)
            {
                objections.Add($"round {r}, {organization}: update committed {averaged.Weights}, but {organization} uploaded nothing");
            }

            return;
        }

        if (averaged is null)
        {
            objections.Add($"round {r}, {organization}: update committed none ({valued?.Outcome.ToString() ?? "not valued"}{(valued?.Reason is { } reason ? $": {reason}" : "")}), {organization} uploaded {upload.WeightsHash}");
            return;
        }

        if (averaged.Weights != upload.WeightsHash)
        {
            objections.Add($"round {r}, {organization}: update committed {averaged.Weights}, {organization} uploaded {upload.WeightsHash} (a swapped update)");
        }

        if (averaged.ClaimedLocal != upload.LocalSamples || averaged.ClaimedSynthetic != upload.SyntheticSamples)
        {
            objections.Add(string.Create(CultureInfo.InvariantCulture,
                $"round {r}, {organization}: claims committed {averaged.ClaimedLocal} real + {averaged.ClaimedSynthetic} synthetic, {organization} claimed {upload.LocalSamples} + {upload.SyntheticSamples}"));
        }
    }

    // A failed check's detail already names round and organization; the field goes after them.
    private static string WithField(AuditCheck check)
    {
        var prefix = $"round {check.Round}{(check.Organization is null ? "" : $", {check.Organization}")}: ";
        return check.Detail.StartsWith(prefix, StringComparison.Ordinal) ? $"{prefix}{check.Name}: {check.Detail[prefix.Length..]}" : $"{check.Name}: {check.Detail}";
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Organization} {Verdict} round {Round}'s commitment after recomputing it ({Objections} objections, {Seconds:F2} s)")]
    private static partial void LogVerified(ILogger logger, string organization, int round, string verdict, int objections, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Organization} objects: {Objection}")]
    private static partial void LogObjection(ILogger logger, string organization, string objection);
}
