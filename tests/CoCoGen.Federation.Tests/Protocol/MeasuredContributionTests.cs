using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Tests.Doubles;

namespace CoCoGen.Federation.Tests.Protocol;

public sealed class MeasuredContributionTests
{
    [Fact]
    public async Task Contributions_are_the_measured_leave_one_out_differences_and_change_from_round_to_round()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 3);

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        foreach (var round in summary.Rounds)
        {
            Assert.Equal("performance", round.Measure);
            Assert.All(round.Organizations, o => Assert.Equal(o.LossWithout!.Value - round.Validation!.Loss, o.Contribution));
            Assert.All(round.Organizations, o => Assert.InRange(
                (double)BigInteger.Parse(o.ContributionWad, CultureInfo.InvariantCulture) - (o.Contribution * 1e18), -1e3, 1e3));
        }

        Assert.NotEqual(summary.Rounds[0].Organizations[0].Contribution, summary.Rounds[1].Organizations[0].Contribution);
    }

    [Fact]
    public async Task The_seed_published_before_training_is_the_one_revealed_and_each_round_has_its_own()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 2);

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        var seeds = summary.Rounds.Select(r => r.Validation!.Seed).ToArray();
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.All(summary.Rounds, r => Assert.Equal(
            "0x" + Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(r.Validation!.Seed[2..]))), r.Validation.SeedHash));
        Assert.Equal(seeds, federation.Meter.Calls.Select(c => "0x" + Convert.ToHexStringLower(c.Seed)));
    }

    [Fact]
    public async Task FedAvg_weights_follow_verified_counts_never_an_inflated_claim()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 1);
        federation.Learners[2].Script[1] = Misbehaviour.InflateCounts;

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        // FixedGuidancePolicy assigns g = 100·(i + 1); D_i = 1000 + 100·i.
        var weights = federation.Meter.Calls.Single().Updates;
        Assert.Equal(["org1", "org2", "org3"], weights.Select(u => u.Organization));
        Assert.Equal([1000 + 100, 1100 + 200, 1200 + 300], weights.Select(u => u.Samples));
        Assert.Equal(1500, summary.Rounds[0].Organizations[2].VerifiedSamples);
        Assert.Equal(1_000_000_000, summary.Rounds[0].Organizations[2].LocalSamples);
    }

    [Fact]
    public async Task A_free_rider_is_measured_at_or_below_zero_and_pays_net_over_the_run()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 3);
        for (var r = 1; r <= 3; r++)
        {
            federation.Learners[1].Script[r] = Misbehaviour.FreeRide;
        }

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        Assert.All(summary.Rounds, r =>
        {
            Assert.True(r.Organizations[1].Contribution <= 1e-5, $"round {r.Round}: free-rider x = {r.Organizations[1].Contribution}");
            Assert.True(r.Organizations[0].Contribution > r.Organizations[1].Contribution);
            Assert.True(r.Organizations[2].Contribution > r.Organizations[1].Contribution);
        });
        var net = summary.Rounds.Aggregate(BigInteger.Zero, (s, r) => s + BigInteger.Parse(r.Organizations[1].ChainNetWei!, CultureInfo.InvariantCulture));
        Assert.True(net < 0, $"the free-rider received {net} wei net");
    }

    [Fact]
    public async Task Each_round_leaves_a_content_addressed_bundle_whose_hash_the_record_names()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 2);

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        foreach (var round in summary.Rounds)
        {
            var file = federation.Run.EvidenceManifestFile(round.Evidence!);
            var bytes = File.ReadAllBytes(file);
            Assert.Equal(round.Evidence, "0x" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var manifest = JsonSerializer.Deserialize<EvidenceManifest>(bytes, RunJson.Indented)!;
            Assert.Equal(round.Round, manifest.Round);
            Assert.Equal(round.Validation, manifest.Validation);
            Assert.Equal(round.ModelHash, manifest.GlobalAfter);
            Assert.Equal(round.Organizations.Select(o => o.ChainNetWei), manifest.Contributions.Select(c => c.TransferWei));
            Assert.Equal(round.Organizations.Select(o => o.WeightsHash), manifest.Updates.Select(u => u.Weights));
            foreach (var hash in manifest.Updates.Select(u => u.Weights).Append(manifest.GlobalBefore).Append(manifest.GlobalAfter))
            {
                var blob = File.ReadAllBytes(federation.Run.EvidenceBlobFile(hash));
                Assert.Equal(hash, "0x" + Convert.ToHexStringLower(SHA256.HashData(blob)));
            }
        }

        Assert.Equal(summary.Rounds[0].ModelHash, JsonSerializer.Deserialize<EvidenceManifest>(
            File.ReadAllBytes(federation.Run.EvidenceManifestFile(summary.Rounds[1].Evidence!)), RunJson.Indented)!.GlobalBefore);
    }
}
