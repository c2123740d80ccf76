using System.Globalization;
using System.Numerics;
using System.Text.Json;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// Recomputes one round from its evidence bundle with the caller's own meter: reads the manifest and every weights
/// blob through a bundle reader, hashes each against its name, recomputes the aggregate, L, every L(−i) (and the
/// Shapley values when recorded), the verified counts, x_i in double and wad, and the transfers in wei through the
/// contract's arithmetic, and checks each against what the bundle says. Shared by `cocogen audit --recompute`, which
/// then checks rounds.jsonl and the chain against the figures, and by an organization's commitment verifier, which
/// checks the on-chain commitment against them.
/// </summary>
public sealed class RoundRecomputation(IContributionMeter meter, ISettlementArithmetic arithmetic, IWeightsHasher hasher)
{
    /// <summary>Recomputes the bundle named <paramref name="bundleHash"/> for the round <paramref name="context"/> describes.</summary>
    public async Task<RecomputedRound> RecomputeAsync(IEvidenceBundleReader bundle, string bundleHash, RoundEvidenceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(bundleHash);
        ArgumentNullException.ThrowIfNull(context);
        var checks = new List<AuditCheck>();
        var manifest = await ManifestAsync(bundle, bundleHash, context.Round, checks, cancellationToken).ConfigureAwait(false);
        var figures = manifest is null ? null : await RecomputeAsync(bundle, manifest, context, checks, cancellationToken).ConfigureAwait(false);
        return new RecomputedRound(manifest, checks, figures);
    }

    private async Task<EvidenceManifest?> ManifestAsync(IEvidenceBundleReader bundle, string bundleHash, int r, List<AuditCheck> checks, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await bundle.ReadManifestAsync(bundleHash, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            Add(checks, "evidence-hash", r, null, false, $"round {r}: evidence bundle {bundleHash} cannot be read ({ex.Message})");
            return null;
        }

        if (bytes is null)
        {
            Add(checks, "evidence-hash", r, null, false, $"round {r}: evidence bundle {bundleHash} is not in {bundle.Location}");
            return null;
        }

        var hash = hasher.HashBytes(bytes);
        var same = string.Equals(hash, bundleHash, StringComparison.OrdinalIgnoreCase);
        Add(checks, "evidence-hash", r, null, same, $"round {r}: the bundle's keccak is {hash}, the commitment names {bundleHash} (the bundle was changed)");
        if (!same)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<EvidenceManifest>(bytes, RunJson.Indented) ?? throw new JsonException("empty");
        }
        catch (JsonException ex)
        {
            Add(checks, "evidence-format", r, null, false, $"round {r}: the evidence bundle is not a manifest ({ex.Message})");
            return null;
        }
    }

    private async Task<RecomputedFigures?> RecomputeAsync(
        IEvidenceBundleReader bundle, EvidenceManifest manifest, RoundEvidenceContext context, List<AuditCheck> checks, CancellationToken cancellationToken)
    {
        var r = context.Round;
        var roster = context.Roster;
        var n = roster.Count;
        void Check(string name, string? organization, bool holds, string violation) => Add(checks, name, r, organization, holds, $"round {r}{(organization is null ? "" : $", {organization}")}: {violation}");

        Check("evidence-round", null, manifest.Round == r && context.Contract is { } contract && manifest.Contract == contract,
            $"the bundle is for round {manifest.Round} on {manifest.Contract}, expected round {r} on {context.Contract?.ToString() ?? "an unknown contract"}");
        var validation = manifest.Validation;
        var seed = Hex(validation.Seed);
        Check("validation-seed", null, seed is not null && ValidationSeeds.Commitment(seed) == validation.SeedHash,
            $"the revealed validation seed {validation.Seed} does not hash to the bundle's committed {validation.SeedHash}");
        Check("validation-pool", null, validation.PoolHash == meter.PoolHash,
            $"the bundle's validation pool {validation.PoolHash} is not the pool rebuilt here ({meter.PoolHash})");
        if (context.GlobalBefore is not null)
        {
            Check("global-continuity", null, manifest.GlobalBefore == context.GlobalBefore,
                $"the round starts from global weights {manifest.GlobalBefore}, expected {context.GlobalBefore}");
        }

        var ids = manifest.Updates.Select(u => u.Organization).ToArray();
        Check("update-order", null, ids.Zip(ids.Skip(1)).All(p => string.CompareOrdinal(p.First, p.Second) < 0),
            $"the updates are not in ascending organization order ({string.Join(", ", ids)})");
        if (manifest.Contributions.Count != n || seed is null || context.AssignedSynthetic.Count != n)
        {
            Check("evidence-format", null, false, $"the bundle values {manifest.Contributions.Count} organizations, the roster has {n}");
            return null;
        }

        for (var i = 0; i < n; i++)
        {
            Check("roster", roster[i].Id, manifest.Contributions[i].Organization == roster[i].Id,
                $"member {i} of the roster is {roster[i].Id}, the bundle values {manifest.Contributions[i].Organization} in its place");
        }

        var orgIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            orgIndex[roster[i].Id] = i;
        }

        var before = await BlobAsync(bundle, manifest.GlobalBefore, r, null, checks, cancellationToken).ConfigureAwait(false);
        var updates = new List<MeasuredUpdate>();
        var updateIndex = new List<int>();
        var verifiedSamples = new long?[n];
        foreach (var update in manifest.Updates)
        {
            if (!orgIndex.TryGetValue(update.Organization, out var i))
            {
                Check("update-record", update.Organization, false, "the bundle holds an update from an organization the roster does not know");
                continue;
            }

            var id = roster[i].Id;
            Check("update-record", id, manifest.Contributions[i].Outcome == UpdateOutcome.Accepted,
                $"the bundle averages update {update.Weights} but values it as {manifest.Contributions[i].Outcome}");
            var declared = roster[i].LocalSamples;
            if (context.AssignedSynthetic[i] is { } assigned)
            {
                var verified = VerifiedSamples.Of(declared, update.ClaimedLocal, update.ClaimedSynthetic, assigned);
                Check("verified-samples", id, verified == update.VerifiedSamples,
                    $"verified samples recomputed {verified} (D_i {declared}, g_i* {assigned}), the bundle says {update.VerifiedSamples}");
                verifiedSamples[i] = verified;
            }
            else
            {
                // g_i* of another member is not known here: its verified count must lie between the real samples it may
                // claim and those plus every synthetic sample it claimed.
                var real = VerifiedSamples.Of(declared, update.ClaimedLocal, 0, 0);
                var most = VerifiedSamples.Of(declared, update.ClaimedLocal, update.ClaimedSynthetic, update.ClaimedSynthetic);
                Check("verified-samples", id, update.VerifiedSamples >= real && update.VerifiedSamples <= most,
                    $"verified samples in the bundle {update.VerifiedSamples} are outside [{real}, {most}] (D_i {declared}, claimed {update.ClaimedLocal} real and {update.ClaimedSynthetic} synthetic)");
                verifiedSamples[i] = update.VerifiedSamples;
            }

            var weights = await BlobAsync(bundle, update.Weights, r, id, checks, cancellationToken).ConfigureAwait(false);
            if (weights is not null)
            {
                updates.Add(new MeasuredUpdate(update.Organization, weights, update.VerifiedSamples));
                updateIndex.Add(i);
            }
        }

        if (before is null || updates.Count != manifest.Updates.Count || updates.Count == 0)
        {
            return null;
        }

        RoundMeasurement measured;
        try
        {
            var shapley = manifest.ShapleyPermutations >= 2 && manifest.ShapleySeed is { } s ? new ShapleySampling(manifest.ShapleyPermutations, s) : null;
            measured = meter.Measure(seed, before, updates, shapley, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            Check("recompute", null, false, $"the bundle cannot be recomputed: {ex.Message}");
            return null;
        }

        var after = hasher.Hash(measured.Aggregate);
        Check("aggregate", null, after == manifest.GlobalAfter, $"the recomputed aggregate is {after}; the bundle says {manifest.GlobalAfter}");
        Check("validation-subset", null, measured.SubsetHash == validation.SubsetHash && measured.SubsetSize == validation.Size,
            $"the seed draws subset {measured.SubsetHash} of {measured.SubsetSize} images, the bundle says {validation.SubsetHash} of {validation.Size}");
        Check("validation-loss", null, Same(measured.Loss, validation.Loss) && Same(measured.Accuracy, validation.Accuracy),
            Invariant($"L recomputed {measured.Loss:R} (accuracy {measured.Accuracy:R}), the bundle says {validation.Loss:R} ({validation.Accuracy:R})"));

        var lossWithout = new double?[n];
        var shapleyValues = new double?[n];
        var x = new double[n];
        var xWad = new BigInteger[n];
        for (var k = 0; k < updates.Count; k++)
        {
            var i = updateIndex[k];
            var id = roster[i].Id;
            var c = manifest.Contributions[i];
            lossWithout[i] = measured.LossWithout[k];
            Check("loss-without", id, Same(measured.LossWithout[k], c.LossWithout),
                Invariant($"L(−i) recomputed {measured.LossWithout[k]:R}, the bundle says {c.LossWithout:R}"));
            if (measured.Shapley is not null)
            {
                shapleyValues[i] = measured.Shapley[k];
                Check("shapley", id, Same(measured.Shapley[k], c.Shapley),
                    Invariant($"Shapley value recomputed {measured.Shapley[k]:R}, the bundle says {c.Shapley:R}"));
            }

            x[i] = manifest.Measure switch
            {
                "data" => updates[k].Samples,
                "shapley" => measured.Shapley?[k] ?? double.NaN,
                _ => measured.LossWithout[k] - measured.Loss,
            };
            xWad[i] = double.IsFinite(x[i]) ? WadConversion.ToWad(x[i], $"x of {id} in round {r}") : BigInteger.Zero;
        }

        for (var i = 0; i < n; i++)
        {
            var c = manifest.Contributions[i];
            var wad = xWad[i].ToString(CultureInfo.InvariantCulture);
            Check("contribution", roster[i].Id, Same(x[i], c.Contribution) && c.ContributionWad == wad,
                Invariant($"x_i recomputed {x[i]:R} ({wad} wad), the bundle says {c.Contribution:R} ({c.ContributionWad})"));
        }

        // The transfers by the rule the bundle states: the pair rule on x, or M^Shap's net vector on the Shapley values.
        var everyone = Enumerable.Repeat(true, n).ToArray();
        IReadOnlyList<BigInteger> transfers;
        string basis;
        if (manifest.Rule.Payment == ShapleyPayments.Rule)
        {
            basis = "the Shapley values by M^Shap's rule and the contract's weiPerUnit and debit cap";
            var payments = new double[n];
            Check("payment-rule", null, measured.Shapley is not null, "the bundle pays by M^Shap's rule but samples no Shapley values");
            if (measured.Shapley is { } phi)
            {
                var byUpdate = new double[updates.Count];
                ShapleyPayments.Compute([.. phi], byUpdate);
                for (var k = 0; k < updates.Count; k++)
                {
                    payments[updateIndex[k]] = byUpdate[k];
                }
            }

            transfers = arithmetic.NetVectorWei(context.Terms, payments, everyone);
        }
        else
        {
            basis = "x and the contract's ρ̂, γ, weiPerUnit and debit cap";
            Check("payment-rule", null, manifest.Rule.Payment is null || manifest.Rule.Payment == EvidenceRule.PairRulePayment,
                $"the bundle states a payment rule this build does not know: {manifest.Rule.Payment}");
            transfers = arithmetic.NetTransfersWei(context.Terms, xWad, everyone);
        }

        for (var i = 0; i < n; i++)
        {
            var wei = transfers[i].ToString(CultureInfo.InvariantCulture);
            Check("transfer", roster[i].Id, manifest.Contributions[i].TransferWei == wei,
                $"the transfer recomputed from {basis} is {wei} wei; the bundle says {manifest.Contributions[i].TransferWei}");
        }

        return new RecomputedFigures(after, measured.SubsetHash, measured.SubsetSize, measured.Loss, measured.Accuracy, lossWithout, shapleyValues, verifiedSamples, x, xWad, transfers);
    }

    private async Task<ModelWeights?> BlobAsync(IEvidenceBundleReader bundle, string hash, int round, string? organization, List<AuditCheck> checks, CancellationToken cancellationToken)
    {
        var where = $"round {round}{(organization is null ? "" : $", {organization}")}";
        byte[]? bytes;
        try
        {
            bytes = await bundle.ReadBlobAsync(hash, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            Add(checks, "evidence-blob", round, organization, false, $"{where}: weights {hash} cannot be read ({ex.Message})");
            return null;
        }

        var actual = bytes is null ? null : hasher.HashBytes(bytes);
        Add(checks, "evidence-blob", round, organization, actual == hash,
            $"{where}: weights {hash} are {(bytes is null ? "missing" : $"changed (their keccak is {actual})")}");
        return actual == hash ? ModelWeights.FromBytes(bytes) : null;
    }

    private static void Add(List<AuditCheck> checks, string name, int? round, string? organization, bool passed, string violation) =>
        checks.Add(new AuditCheck(name, round, organization, passed, violation));

    /// <summary>Bit equality: what money depends on must agree to the last bit, not within a tolerance.</summary>
    internal static bool Same(double a, double? b) => b is { } v && BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(v);

    private static byte[]? Hex(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) && text.Length == 66 && text[2..].All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(text[2..]) : null;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
