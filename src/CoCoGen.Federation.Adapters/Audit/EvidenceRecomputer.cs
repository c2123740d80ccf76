using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// `cocogen audit --recompute`: rebuilds every round's aggregate and evaluations from its evidence bundle with a meter
/// of its own, and checks bit for bit what money depends on: the bundle's hash, the revealed validation seed against its
/// commitment, the pool, the verified counts, the aggregate, L, every L(−i), x_i, the transfers in wei, and the
/// commitment on chain (the seed hash it opened the round with, and the evidence root and x_i it committed). Each check
/// names the round and the organization.
/// </summary>
public sealed class EvidenceRecomputer(ChainConnection connection, IContributionMeter meter, ChainSettlementArithmetic arithmetic)
{
    /// <summary>Recomputes every round of the run in <paramref name="directory"/>.</summary>
    public async Task<IReadOnlyList<AuditCheck>> RecomputeAsync(RunDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var checks = new List<AuditCheck>();
        var rounds = directory.ReadRounds();
        if (rounds.Count == 0 || rounds[0].Settlement is null)
        {
            checks.Add(new AuditCheck("recompute-rounds", null, null, false, $"{directory.RoundsFile} holds no settled round to recompute"));
            return checks;
        }

        if (!File.Exists(directory.CheckpointFile))
        {
            checks.Add(new AuditCheck("recompute-roster", null, null, false, $"{directory.CheckpointFile} is missing: the organizations' declared D_i are unknown"));
            return checks;
        }

        var roster = RunDirectory.ReadJson<RunCheckpoint>(directory.CheckpointFile).Organizations;
        var chain = await ChainViewAsync(rounds[0].Settlement!.Contract, cancellationToken).ConfigureAwait(false);

        string? previousAfter = null;
        for (var k = 0; k < rounds.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = rounds[k];
            Add(checks, "round-sequence", record.Round, null, record.Round == k + 1,
                $"round {k + 1} is missing from rounds.jsonl (the record jumps from round {k} to round {record.Round})");
            if (record.Round != k + 1)
            {
                break;
            }

            var manifest = Manifest(directory, record, checks);
            if (manifest is null)
            {
                previousAfter = null;
                continue;
            }

            Recompute(directory, record, manifest, roster, chain, previousAfter, checks, cancellationToken);
            previousAfter = manifest.GlobalAfter;
        }

        return checks;
    }

    private EvidenceManifest? Manifest(RunDirectory directory, RoundRecord record, List<AuditCheck> checks)
    {
        var r = record.Round;
        if (record.Evidence is null)
        {
            Add(checks, "evidence-hash", r, null, false, $"round {r}: the record names no evidence bundle");
            return null;
        }

        string file;
        try
        {
            file = directory.EvidenceManifestFile(record.Evidence);
        }
        catch (InvalidDataException ex)
        {
            Add(checks, "evidence-hash", r, null, false, $"round {r}: the record's evidence hash is malformed ({ex.Message})");
            return null;
        }

        if (!File.Exists(file))
        {
            Add(checks, "evidence-hash", r, null, false, $"round {r}: evidence bundle {record.Evidence} is not in {directory.EvidenceDirectory}");
            return null;
        }

        var bytes = File.ReadAllBytes(file);
        var hash = arithmetic.HashBytes(bytes);
        Add(checks, "evidence-hash", r, null, hash == record.Evidence, $"round {r}: the bundle's keccak is {hash}, the record commits to {record.Evidence} (the bundle was changed)");
        if (hash != record.Evidence)
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

    private void Recompute(
        RunDirectory directory,
        RoundRecord record,
        EvidenceManifest manifest,
        IReadOnlyList<OrganizationProfile> roster,
        ChainView chain,
        string? previousAfter,
        List<AuditCheck> checks,
        CancellationToken cancellationToken)
    {
        var r = record.Round;
        var n = record.Organizations.Count;
        void Check(string name, string? organization, bool holds, string violation) => Add(checks, name, r, organization, holds, $"round {r}{(organization is null ? "" : $", {organization}")}: {violation}");

        Check("evidence-round", null, manifest.Round == r && manifest.Contract == record.Settlement?.Contract,
            $"the bundle is for round {manifest.Round} on {manifest.Contract}, the record for round {r} on {record.Settlement?.Contract}");
        Check("roster", null, roster.Count == n && roster.Select(o => o.Id).SequenceEqual(record.Organizations.Select(o => o.Id)),
            $"the record's organizations ({string.Join(", ", record.Organizations.Select(o => o.Id))}) are not the checkpoint's roster");
        var validation = manifest.Validation;
        var seed = Hex(validation.Seed);
        Check("validation-seed", null, seed is not null && ValidationSeeds.Commitment(seed) == validation.SeedHash && record.Validation?.SeedHash == validation.SeedHash,
            $"the revealed validation seed {validation.Seed} does not hash to the committed {record.Validation?.SeedHash}");
        Check("validation-pool", null, validation.PoolHash == meter.PoolHash,
            $"the bundle's validation pool {validation.PoolHash} is not the pool rebuilt here ({meter.PoolHash})");
        if (previousAfter is not null)
        {
            Check("global-continuity", null, manifest.GlobalBefore == previousAfter,
                $"the round starts from global weights {manifest.GlobalBefore}, the previous round ended with {previousAfter}");
        }

        var ids = manifest.Updates.Select(u => u.Organization).ToArray();
        Check("update-order", null, ids.Zip(ids.Skip(1)).All(p => string.CompareOrdinal(p.First, p.Second) < 0),
            $"the updates are not in ascending organization order ({string.Join(", ", ids)})");
        if (manifest.Contributions.Count != n || seed is null || roster.Count != n)
        {
            Check("evidence-format", null, false, $"the bundle values {manifest.Contributions.Count} organizations, the record {n}");
            return;
        }

        var before = Blob(directory, manifest.GlobalBefore, r, null, checks);
        var updates = new List<MeasuredUpdate>();
        var orgIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            orgIndex[record.Organizations[i].Id] = i;
        }

        foreach (var update in manifest.Updates)
        {
            if (!orgIndex.TryGetValue(update.Organization, out var i))
            {
                Check("update-record", update.Organization, false, "the bundle holds an update from an organization the record does not know");
                continue;
            }

            var o = record.Organizations[i];
            Check("update-record", o.Id, o.Outcome == UpdateOutcome.Accepted && o.WeightsHash == update.Weights,
                $"the bundle averages update {update.Weights}, the record has {o.Outcome} with weights {o.WeightsHash} (a swapped update)");
            var assigned = (long)Math.Round(record.Guidance[i], MidpointRounding.ToEven);
            var verified = VerifiedSamples.Of(roster[i].LocalSamples, update.ClaimedLocal, update.ClaimedSynthetic, assigned);
            Check("verified-samples", o.Id, verified == update.VerifiedSamples && verified == o.VerifiedSamples
                    && update.ClaimedLocal == o.LocalSamples && update.ClaimedSynthetic == o.SyntheticSamples,
                $"verified samples recomputed {verified} (D_i {roster[i].LocalSamples}, g_i* {assigned}), the bundle says {update.VerifiedSamples}, the record {o.VerifiedSamples}");
            var weights = Blob(directory, update.Weights, r, o.Id, checks);
            if (weights is not null)
            {
                updates.Add(new MeasuredUpdate(update.Organization, weights, update.VerifiedSamples));
            }
        }

        foreach (var o in record.Organizations.Where(o => o.Outcome == UpdateOutcome.Accepted && !ids.Contains(o.Id)))
        {
            Check("update-record", o.Id, false, "the record counts the update as accepted, the bundle does not average it");
        }

        if (before is null || updates.Count != manifest.Updates.Count || updates.Count == 0)
        {
            return;
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
            return;
        }

        var after = arithmetic.Hash(measured.Aggregate);
        Check("aggregate", null, after == manifest.GlobalAfter && after == record.ModelHash,
            $"the recomputed aggregate is {after}; the bundle says {manifest.GlobalAfter}, the record {record.ModelHash}");
        Check("validation-subset", null, measured.SubsetHash == validation.SubsetHash && measured.SubsetSize == validation.Size,
            $"the seed draws subset {measured.SubsetHash} of {measured.SubsetSize} images, the bundle says {validation.SubsetHash} of {validation.Size}");
        Check("validation-loss", null, Same(measured.Loss, validation.Loss) && Same(measured.Loss, record.Validation?.Loss) && Same(measured.Accuracy, validation.Accuracy),
            Invariant($"L recomputed {measured.Loss:R} (accuracy {measured.Accuracy:R}), the bundle says {validation.Loss:R} ({validation.Accuracy:R}), the record {record.Validation?.Loss:R}"));

        var x = new double[n];
        var xWad = new BigInteger[n];
        for (var k = 0; k < updates.Count; k++)
        {
            var i = orgIndex[updates[k].Organization];
            var o = record.Organizations[i];
            var c = manifest.Contributions[i];
            Check("loss-without", o.Id, Same(measured.LossWithout[k], c.LossWithout) && Same(measured.LossWithout[k], o.LossWithout),
                Invariant($"L(−i) recomputed {measured.LossWithout[k]:R}, the bundle says {c.LossWithout:R}, the record {o.LossWithout:R}"));
            if (measured.Shapley is not null)
            {
                Check("shapley", o.Id, Same(measured.Shapley[k], c.Shapley) && Same(measured.Shapley[k], o.Shapley),
                    Invariant($"Shapley value recomputed {measured.Shapley[k]:R}, the bundle says {c.Shapley:R}, the record {o.Shapley:R}"));
            }

            x[i] = manifest.Measure switch
            {
                "data" => updates[k].Samples,
                "shapley" => measured.Shapley?[k] ?? double.NaN,
                _ => measured.LossWithout[k] - measured.Loss,
            };
            xWad[i] = double.IsFinite(x[i]) ? WadConversion.ToWad(x[i], $"x of {o.Id} in round {r}") : BigInteger.Zero;
        }

        for (var i = 0; i < n; i++)
        {
            var o = record.Organizations[i];
            var c = manifest.Contributions[i];
            var wad = xWad[i].ToString(CultureInfo.InvariantCulture);
            Check("contribution", o.Id, Same(x[i], c.Contribution) && Same(x[i], o.Contribution) && c.ContributionWad == wad && (o.Outcome != UpdateOutcome.Accepted || o.ContributionWad == wad),
                Invariant($"x_i recomputed {x[i]:R} ({wad} wad), the bundle says {c.Contribution:R} ({c.ContributionWad}), the record {o.Contribution:R} ({o.ContributionWad})"));
        }

        // The chain's side of the round: what was opened and committed, and the rule's nets by the round's members.
        var onChain = chain.Rounds.GetValueOrDefault(r);
        Check("chain-commitment", null, onChain is not null && onChain.SeedHash == ValidationSeeds.Commitment(seed) && onChain.SeedHash == record.Validation?.SeedHash,
            $"the chain opened the round with seed hash {onChain?.SeedHash ?? "none"}, the revealed seed hashes to {ValidationSeeds.Commitment(seed)}");
        var committed = onChain is { Status: not SettlementRoundStatus.Abandoned };
        var standing = onChain is { Status: SettlementRoundStatus.Settled };
        if (standing)
        {
            Check("chain-commitment", null, onChain!.EvidenceRoot == record.Evidence,
                $"the chain's evidence root is {onChain.EvidenceRoot}, the bundle hashes to {record.Evidence}");
        }

        var active = onChain?.Active ?? Enumerable.Repeat(true, n).ToArray();
        var transfers = arithmetic.NetTransfersWei(chain.Terms, xWad, active);
        for (var i = 0; i < n; i++)
        {
            var o = record.Organizations[i];
            var wei = transfers[i].ToString(CultureInfo.InvariantCulture);
            Check("transfer", o.Id, manifest.Contributions[i].TransferWei == wei && (!standing || o.ChainNetWei == wei),
                $"the transfer recomputed from x and the contract's ρ̂, γ, weiPerUnit and debit cap is {wei} wei; the bundle says {manifest.Contributions[i].TransferWei}, the chain's rule {o.ChainNetWei ?? "none (void round)"}");

            // A settled round moved money by what was committed, so the committed x must be the recomputed one; a
            // rejected round's commitment was voided by the majority that found it wrong, and moved nothing by the rule.
            if (standing && committed)
            {
                var value = i < onChain!.Values.Count ? onChain.Values[i] : (BigInteger?)null;
                var expected = o.Outcome == UpdateOutcome.Accepted ? xWad[i] : BigInteger.Zero;
                Check("chain-commitment", o.Id, value == expected,
                    $"the chain committed x = {value?.ToString(CultureInfo.InvariantCulture) ?? "none"} wad, the evidence gives {expected} wad");
            }
        }
    }

    private ModelWeights? Blob(RunDirectory directory, string hash, int round, string? organization, List<AuditCheck> checks)
    {
        string file;
        try
        {
            file = directory.EvidenceBlobFile(hash);
        }
        catch (InvalidDataException ex)
        {
            Add(checks, "evidence-blob", round, organization, false, $"round {round}{(organization is null ? "" : $", {organization}")}: {ex.Message}");
            return null;
        }

        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : null;
        var actual = bytes is null ? null : arithmetic.HashBytes(bytes);
        Add(checks, "evidence-blob", round, organization, actual == hash,
            $"round {round}{(organization is null ? "" : $", {organization}")}: weights {hash} are {(bytes is null ? "missing" : $"changed (their keccak is {actual})")}");
        return actual == hash ? ModelWeights.FromBytes(bytes) : null;
    }

    private async Task<ChainView> ChainViewAsync(ChainAddress contractAddress, CancellationToken cancellationToken)
    {
        // Reading needs no key: an account-less connection.
        var endpoint = await connection.EndpointAsync(cancellationToken).ConfigureAwait(false);
        var contract = new CoCoGenSettlementService(contractAddress.ToEthereumAddress(), endpoint.Web3);
        var members = await contract.MembersAsync(cancellationToken).ConfigureAwait(false);
        var n = members.Count;
        var rho = new BigInteger[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                rho[(i * n) + j] = i == j ? BigInteger.Zero : await contract.RhoWadAsync(i, j, cancellationToken).ConfigureAwait(false);
            }
        }

        var limits = await contract.LimitsAsync(cancellationToken).ConfigureAwait(false);
        var timeouts = await contract.TimeoutsAsync(cancellationToken).ConfigureAwait(false);
        var terms = new SettlementTerms(
            members.Select(m => m.ToChainAddress()).ToArray(),
            rho,
            await contract.GammaWadAsync(cancellationToken).ConfigureAwait(false),
            BigInteger.Zero,
            await contract.WeiPerUnitAsync(cancellationToken).ConfigureAwait(false),
            new Ports.SettlementLimits(limits.MinBondWei, limits.DebitCapWei, limits.ChallengeStakeWei, limits.CoordinatorBondWei),
            new Ports.SettlementTimeouts(timeouts.CommitSeconds, timeouts.ChallengeWindowSeconds, timeouts.AbsenceSeconds));
        var rounds = new Dictionary<int, ChainRound>();
        var last = await contract.LastRoundAsync(cancellationToken).ConfigureAwait(false);
        for (var round = 1; round <= last; round++)
        {
            var info = await contract.RoundInfoAsync(round, cancellationToken).ConfigureAwait(false);
            rounds[round] = new ChainRound(
                (SettlementRoundStatus)info.Status,
                "0x" + Convert.ToHexStringLower(info.SeedHash),
                "0x" + Convert.ToHexStringLower(info.EvidenceRoot),
                await contract.CommittedValuesAsync(round, cancellationToken).ConfigureAwait(false),
                Enumerable.Range(0, n).Select(i => ((info.ActiveMask >> i) & 1UL) != 0).ToArray());
        }

        return new ChainView(terms, rounds);
    }

    private static void Add(List<AuditCheck> checks, string name, int? round, string? organization, bool passed, string violation) =>
        checks.Add(new AuditCheck(name, round, organization, passed, violation));

    private static bool Same(double a, double? b) => b is { } v && BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(v);

    private static byte[]? Hex(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) && text.Length == 66 && text[2..].All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(text[2..]) : null;

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private sealed record ChainView(SettlementTerms Terms, IReadOnlyDictionary<int, ChainRound> Rounds);

    private sealed record ChainRound(SettlementRoundStatus Status, string SeedHash, string EvidenceRoot, IReadOnlyList<BigInteger> Values, IReadOnlyList<bool> Active);
}
