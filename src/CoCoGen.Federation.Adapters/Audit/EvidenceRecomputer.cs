using System.Globalization;
using System.Numerics;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Contracts.Settlement;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Audit;

/// <summary>
/// `cocogen audit --recompute`: rebuilds every round's aggregate and evaluations from its evidence bundle with a meter
/// of its own (<see cref="RoundRecomputation"/>), and checks bit for bit what money depends on: the bundle's hash, the revealed validation seed against its
/// commitment, the pool, the verified counts, the aggregate, L, every L(−i), x_i, the transfers in wei, and the
/// commitment on chain (the seed hash it opened the round with, and the evidence root and x_i it committed). Each check
/// names the round and the organization.
/// </summary>
public sealed class EvidenceRecomputer(ChainConnection connection, IContributionMeter meter, ChainSettlementArithmetic arithmetic)
{
    private readonly RoundRecomputation _recomputation = new(meter, arithmetic, arithmetic);
    private readonly ContractTermsReader _terms = new(connection);

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
        var bundle = new RunDirectoryBundleReader(directory);

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

            var r = record.Round;
            if (record.Evidence is null)
            {
                Add(checks, "evidence-hash", r, null, false, $"round {r}: the record names no evidence bundle");
                previousAfter = null;
                continue;
            }

            Add(checks, "roster", r, null, roster.Select(o => o.Id).SequenceEqual(record.Organizations.Select(o => o.Id)),
                $"round {r}: the record's organizations ({string.Join(", ", record.Organizations.Select(o => o.Id))}) are not the checkpoint's roster");
            var assigned = roster.Select((_, i) => i < record.Guidance.Count ? (long?)(long)Math.Round(record.Guidance[i], MidpointRounding.ToEven) : null).ToArray();
            var context = new RoundEvidenceContext(r, record.Settlement?.Contract, roster, assigned, previousAfter, chain.Terms);
            var recomputed = await _recomputation.RecomputeAsync(bundle, record.Evidence, context, cancellationToken).ConfigureAwait(false);
            checks.AddRange(recomputed.Checks);
            if (recomputed.Manifest is { } manifest && roster.Count == record.Organizations.Count)
            {
                CheckRecord(record, manifest, recomputed.Figures, roster, assigned, chain, checks);
            }

            previousAfter = recomputed.Manifest?.GlobalAfter;
        }

        return checks;
    }

    // rounds.jsonl and the chain against the recomputed figures: the coordinator's record must say what its bundle says.
    private void CheckRecord(
        RoundRecord record,
        EvidenceManifest manifest,
        RecomputedFigures? figures,
        IReadOnlyList<OrganizationProfile> roster,
        long?[] assigned,
        ChainView chain,
        List<AuditCheck> checks)
    {
        var r = record.Round;
        var n = record.Organizations.Count;
        void Check(string name, string? organization, bool holds, string violation) => Add(checks, name, r, organization, holds, $"round {r}{(organization is null ? "" : $", {organization}")}: {violation}");

        Check("validation-seed", null, record.Validation?.SeedHash == manifest.Validation.SeedHash,
            $"the revealed validation seed {manifest.Validation.Seed} was committed as {manifest.Validation.SeedHash}, the record's commitment is {record.Validation?.SeedHash}");
        var ids = manifest.Updates.Select(u => u.Organization).ToArray();
        foreach (var update in manifest.Updates)
        {
            var i = IndexOf(record.Organizations, update.Organization);
            if (i < 0)
            {
                continue;
            }

            var o = record.Organizations[i];
            Check("update-record", o.Id, o.Outcome == UpdateOutcome.Accepted && o.WeightsHash == update.Weights,
                $"the bundle averages update {update.Weights}, the record has {o.Outcome} with weights {o.WeightsHash} (a swapped update)");
            var verified = VerifiedSamples.Of(roster[i].LocalSamples, update.ClaimedLocal, update.ClaimedSynthetic, assigned[i] ?? 0);
            Check("verified-samples", o.Id, verified == o.VerifiedSamples && update.ClaimedLocal == o.LocalSamples && update.ClaimedSynthetic == o.SyntheticSamples,
                $"verified samples recomputed {verified} from the bundle's claims {update.ClaimedLocal} + {update.ClaimedSynthetic} (D_i {roster[i].LocalSamples}, g_i* {assigned[i]}), the record has {o.VerifiedSamples} of {o.LocalSamples} + {o.SyntheticSamples}");
        }

        foreach (var o in record.Organizations.Where(o => o.Outcome == UpdateOutcome.Accepted && !ids.Contains(o.Id)))
        {
            Check("update-record", o.Id, false, "the record counts the update as accepted, the bundle does not average it");
        }

        if (figures is null)
        {
            return;
        }

        Check("aggregate", null, figures.AggregateHash == record.ModelHash, $"the recomputed aggregate is {figures.AggregateHash}, the record {record.ModelHash}");
        Check("validation-loss", null, RoundRecomputation.Same(figures.Loss, record.Validation?.Loss),
            Invariant($"L recomputed {figures.Loss:R}, the record {record.Validation?.Loss:R}"));
        for (var i = 0; i < n; i++)
        {
            var o = record.Organizations[i];
            if (figures.LossWithout[i] is { } without)
            {
                Check("loss-without", o.Id, RoundRecomputation.Same(without, o.LossWithout), Invariant($"L(−i) recomputed {without:R}, the record {o.LossWithout:R}"));
            }

            if (figures.Shapley[i] is { } shapley)
            {
                Check("shapley", o.Id, RoundRecomputation.Same(shapley, o.Shapley), Invariant($"Shapley value recomputed {shapley:R}, the record {o.Shapley:R}"));
            }

            var x = figures.Contribution[i];
            var wad = figures.ContributionWad[i].ToString(CultureInfo.InvariantCulture);
            Check("contribution", o.Id, RoundRecomputation.Same(x, o.Contribution) && (o.Outcome != UpdateOutcome.Accepted || o.ContributionWad == wad),
                Invariant($"x_i recomputed {x:R} ({wad} wad), the record {o.Contribution:R} ({o.ContributionWad})"));
        }

        // The chain's side of the round: what was opened and committed, and the rule's nets by the round's members.
        var onChain = chain.Rounds.GetValueOrDefault(r);
        Check("chain-commitment", null, onChain is not null && onChain.SeedHash == manifest.Validation.SeedHash && onChain.SeedHash == record.Validation?.SeedHash,
            $"the chain opened the round with seed hash {onChain?.SeedHash ?? "none"}, the bundle's seed was committed as {manifest.Validation.SeedHash}");
        var committed = onChain is { Status: not SettlementRoundStatus.Abandoned };
        var standing = onChain is { Status: SettlementRoundStatus.Settled };
        if (standing)
        {
            Check("chain-commitment", null, onChain!.EvidenceRoot == record.Evidence,
                $"the chain's evidence root is {onChain.EvidenceRoot}, the bundle hashes to {record.Evidence}");
        }

        var active = onChain?.Active ?? Enumerable.Repeat(true, n).ToArray();
        var netVector = manifest.Rule.Payment == ShapleyPayments.Rule;
        var transfers = netVector ? figures.NetWei : arithmetic.NetTransfersWei(chain.Terms, figures.ContributionWad, active);
        for (var i = 0; i < n; i++)
        {
            var o = record.Organizations[i];
            var wei = transfers[i].ToString(CultureInfo.InvariantCulture);
            Check("transfer", o.Id, !standing || o.ChainNetWei == wei,
                $"the transfer recomputed from x and the contract's ρ̂, γ, weiPerUnit and debit cap is {wei} wei; the chain's rule {o.ChainNetWei ?? "none (void round)"}");

            // A settled round moved money by what was committed, so the committed x must be the recomputed one; a
            // rejected round's commitment was voided by the majority that found it wrong, and moved nothing by the rule.
            if (standing && committed)
            {
                var value = i < onChain!.Values.Count ? onChain.Values[i] : (BigInteger?)null;
                var expected = netVector ? figures.NetWei[i] : o.Outcome == UpdateOutcome.Accepted ? figures.ContributionWad[i] : BigInteger.Zero;
                var unit = netVector ? "wei (M^Shap's net)" : "wad";
                Check("chain-commitment", o.Id, value == expected,
                    $"the chain committed {value?.ToString(CultureInfo.InvariantCulture) ?? "none"} {unit}, the evidence gives {expected} {unit}");
            }
        }
    }

    private async Task<ChainView> ChainViewAsync(ChainAddress contractAddress, CancellationToken cancellationToken)
    {
        // Reading needs no key: an account-less connection.
        var endpoint = await connection.EndpointAsync(cancellationToken).ConfigureAwait(false);
        var contract = new CoCoGenSettlementService(contractAddress.ToEthereumAddress(), endpoint.Web3);
        var terms = await _terms.ReadAsync(contractAddress, cancellationToken).ConfigureAwait(false);
        var n = terms.Members.Count;
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

    private static int IndexOf(IReadOnlyList<OrganizationRoundRecord> organizations, string id)
    {
        for (var i = 0; i < organizations.Count; i++)
        {
            if (organizations[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private sealed record ChainView(SettlementTerms Terms, IReadOnlyDictionary<int, ChainRound> Rounds);

    private sealed record ChainRound(SettlementRoundStatus Status, string SeedHash, string EvidenceRoot, IReadOnlyList<BigInteger> Values, IReadOnlyList<bool> Active);
}
