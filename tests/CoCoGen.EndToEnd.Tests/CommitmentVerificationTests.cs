using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoCoGen.Federation.Ports;
using Nethereum.Util;
using Xunit.Abstractions;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// An organization recomputes a round in its own process before it accepts the coordinator's commitment: on a real run
/// (3 organizations, 2 rounds, real training, settled on the Hardhat node) it accepts the true commitment and rejects
/// every changed field, naming round, organization and field. The verifier reads the coordinator's run directory (the
/// one-process shape); <see cref="CommitmentVerificationOverGrpcTests"/> fetches the same bundle over the transport.
/// </summary>
[Collection(ChainGroup.Name)]
public sealed class CommitmentVerificationTests(ChainFixture chain, ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-verify-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(SettlementMode.PairRule)]
    [InlineData(SettlementMode.NetVector)]
    public async Task Every_member_accepts_the_true_commitment_after_recomputing_it(SettlementMode mode)
    {
        var run = await VerificationAsync();
        var verifier = await run.VerifierAsync();

        foreach (var member in Enumerable.Range(0, 3))
        {
            foreach (var round in new[] { 1, 2 })
            {
                var (commitment, facts) = run.Truth(round, member, mode);
                var verdict = await verifier.VerifyAsync(Id(member), commitment, facts, CancellationToken.None);
                Assert.True(verdict.Accepted, $"org{member + 1}, round {round}: {string.Join("\n", verdict.Objections)}");
            }
        }
    }

    public static TheoryData<string, string[]> Changes => new()
    {
        { "x of org3", ["round 2, org3: value (x_i wad) committed"] },
        { "net of org2", ["round 2, org2: netWei committed"] },
        { "net vector: net of org3", ["round 2, org3: value (net wei, the rule of the bundle) committed"] },
        { "evidence root of round 1", ["round 2: evidence-round:"] },
        { "evidence root unknown", ["round 2: evidence-hash:", "is not in"] },
        { "seed hash", ["round 2: seedHash committed 0x1111"] },
        { "updates of org1 and org2 swapped", ["round 2, org1: update committed", "a swapped update"] },
        { "update of org1 left out", ["round 2, org1: update committed none"] },
        { "claims of org1 lowered", ["round 2, org1: claims committed"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_member_rejects_a_changed_commitment_and_names_round_organization_and_field(string change, string[] expected)
    {
        var run = await VerificationAsync();
        var mode = change.StartsWith("net vector", StringComparison.Ordinal) ? SettlementMode.NetVector : SettlementMode.PairRule;
        var (commitment, facts) = run.Truth(2, 0, mode);
        var copy = run.Run;
        switch (change)
        {
            case "x of org3":
                commitment = commitment with { Values = Changed(commitment.Values, 2, 1) };
                break;
            case "net of org2":
                commitment = commitment with { NetWei = Changed(commitment.NetWei, 1, 1) };
                break;
            case "net vector: net of org3":
                commitment = commitment with { Values = Changed(commitment.Values, 2, -1) };
                break;
            case "evidence root of round 1":
                commitment = commitment with { EvidenceRoot = run.Truth(1, 0).Commitment.EvidenceRoot };
                break;
            case "evidence root unknown":
                commitment = commitment with { EvidenceRoot = Hash32.Parse("0x" + new string('2', 64)) };
                break;
            case "seed hash":
                commitment = commitment with { SeedHash = Hash32.Parse("0x" + new string('1', 64)) };
                break;
            default:
                // The coordinator changes its bundle and commits the changed bundle's hash (it is consistent with itself).
                copy = Copy(run.Run, change);
                commitment = commitment with { EvidenceRoot = Hash32.Parse(EditBundle(copy, commitment.EvidenceRoot.ToString(), change)) };
                break;
        }

        var verifier = await new MemberVerification(chain, copy).VerifierAsync();
        var verdict = await verifier.VerifyAsync("org1", commitment, facts, CancellationToken.None);

        Assert.False(verdict.Accepted, change);
        Assert.Contains(verdict.Objections, o => expected.All(e => o.Contains(e, StringComparison.Ordinal)));
        Assert.All(verdict.Objections, o => Assert.DoesNotContain('\n', o));
    }

    [Fact]
    public async Task A_10_organization_round_is_verified_and_its_time_logged()
    {
        // The default validation subset (1,000 images), so the figure is the main job's. The first verification also
        // reads the contract's terms and warms the kernels; the second is what each later round costs.
        var run = new MemberVerification(chain, await MemberVerification.RunAsync(chain, organizations: 10, rounds: 2, validationSubset: 1000));
        using var log = new RecordedLog();
        var verifier = await run.VerifierAsync(loggers: log.Factory);
        var (commitment, facts) = run.Truth(2, 4);

        // Side by side, alternating: the verification and the coordinator's own step for the same round (the bare
        // measurement of the bundle's updates with a meter, no fetch, no hash, no check).
        var verification = new List<double>();
        var measurement = new List<double>();
        for (var pass = 0; pass < 4; pass++)
        {
            var started = Stopwatch.GetTimestamp();
            var verdict = await verifier.VerifyAsync("org5", commitment, facts, CancellationToken.None);
            verification.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            Assert.True(verdict.Accepted, string.Join("\n", verdict.Objections));
            measurement.Add(run.MeasureBare(2));
        }

        var lines = log.Lines.Where(l => l.Contains("org5 accepts round 2's commitment", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, lines.Length);
        var timings = run.Directory.ReadRounds()[1].Timings;
        output.WriteLine(FormattableString.Invariant(
            $"10 organizations, validation subset 1,000 images, {Environment.ProcessorCount} processors, {CoCoGen.Learning.Canonical.CanonicalEvaluator.WidestLanes} float lanes; verification s: {string.Join(" ", verification.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))} (first one reads the contract's terms and warms the kernels); bare measurement s: {string.Join(" ", measurement.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)))}; the coordinator's round 2: measurement {timings.Measurement:F2} s, aggregation {timings.Aggregation:F2} s, round {timings.Total:F2} s; log: {lines[^1]}"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private static string Id(int index) => $"org{index + 1}";

    private static BigInteger[] Changed(IReadOnlyList<BigInteger> values, int index, int delta)
    {
        var changed = values.ToArray();
        changed[index] += delta;
        return changed;
    }

    private static string EditBundle(string run, string evidence, string change)
    {
        var file = Path.Combine(run, "evidence", evidence[2..] + ".json");
        var manifest = JsonNode.Parse(File.ReadAllText(file))!;
        var updates = manifest["updates"]!.AsArray();
        switch (change)
        {
            case "updates of org1 and org2 swapped":
                (updates[0]!["weights"], updates[1]!["weights"]) = (updates[1]!["weights"]!.GetValue<string>(), updates[0]!["weights"]!.GetValue<string>());
                break;
            case "update of org1 left out":
                updates.RemoveAt(0);
                break;
            case "claims of org1 lowered":
                updates[0]!["claimedLocal"] = updates[0]!["claimedLocal"]!.GetValue<long>() - 1;
                break;
            default:
                throw new ArgumentException($"no such change: {change}", nameof(change));
        }

        var edited = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var hash = "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(edited));
        File.WriteAllBytes(Path.Combine(run, "evidence", hash[2..] + ".json"), edited);
        return hash;
    }

    private string Copy(string run, string name)
    {
        var copy = Path.Combine(_work, string.Concat(name.Where(char.IsAsciiLetterOrDigit)));
        foreach (var file in Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(run, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private Task<MemberVerification> VerificationAsync() => MemberVerification.SharedRunAsync(chain);
}
