using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.Util;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// `cocogen audit --recompute` on a real run: it agrees with the coordinator bit for bit in separate processes on every
/// SIMD width this machine offers, and it catches every change to what money depends on, naming round and organization.
/// One run (3 organizations, 3 rounds, real Fashion-MNIST training on the Hardhat node) serves every test; each
/// tampering test works on its own copy.
/// </summary>
[Collection(ChainGroup.Name)]
public sealed class EvidenceRecomputationTests(ChainFixture chain) : IDisposable
{
    private static readonly SemaphoreSlim RunOnce = new(1, 1);
    private static string? s_run;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cocogen-evidence-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string[]> Isas => new()
    {
        { "plain", [] },
        { "AVX-512 off", ["DOTNET_EnableAVX512F", "DOTNET_EnableAVX512"] },
        { "AVX-512 and AVX2 off", ["DOTNET_EnableAVX512F", "DOTNET_EnableAVX512", "DOTNET_EnableAVX2"] },
    };

    [Theory]
    [MemberData(nameof(Isas))]
    public async Task The_recomputation_agrees_bit_for_bit_in_a_separate_process(string isa, string[] disabled)
    {
        var run = await RunAsync();
        var environment = disabled.ToDictionary(v => v, _ => (string?)"0");
        using var audit = new CocogenProcess(chain.RepositoryRoot, environment, "audit", "--run", run, "--rpc-url", chain.RpcUrl, "--recompute");

        Assert.True(await audit.ExitCodeAsync(TimeSpan.FromMinutes(4)) == 0, $"{isa}: {audit.Output}");
        Assert.Contains("recompute passed: 3 rounds", audit.Output, StringComparison.Ordinal);
        var lanes = isa switch { "plain" => System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? 16 : 8, "AVX-512 off" => 8, _ => 4 };
        Assert.Contains($"canonical kernels at {lanes} float lanes", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contributions_are_measured_and_change_from_round_to_round()
    {
        var rounds = RunFiles.Rounds(await RunAsync());

        foreach (var organization in Enumerable.Range(0, 3))
        {
            var x = rounds.Select(r => r.GetProperty("organizations")[organization].GetProperty("contribution").GetDouble()).ToArray();
            Assert.Equal(x.Length, x.Distinct().Count());
        }

        Assert.All(rounds, r => Assert.Equal("performance", r.GetProperty("measure").GetString()));
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "record: x of org2 in round 2", "round 2, org2: x_i recomputed" },
        { "record: transfer of org1 in round 3", "round 3, org1: the transfer recomputed" },
        { "record: verified samples of org3 in round 1", "round 1, org3: verified samples recomputed" },
        { "record: L(-i) of org1 in round 2", "round 2, org1: L(−i) recomputed" },
        { "record: claimed real samples of org2 in round 1", "round 1, org2: verified samples recomputed" },
        { "record: round 2 dropped", "round 2 is missing from rounds.jsonl" },
        { "bundle: x of org3 in round 1, re-hashed", "round 1, org3: x_i recomputed" },
        { "bundle: transfer of org2 in round 2, re-hashed", "round 2, org2: the transfer recomputed" },
        { "bundle: validation seed of round 3, re-hashed", "round 3: the revealed validation seed" },
        { "bundle: updates of org1 and org2 swapped in round 2, re-hashed", "round 2, org1: the bundle averages update" },
        { "bundle: verified samples of org1 in round 3, re-hashed", "round 3, org1: verified samples recomputed" },
        { "bundle: L of round 1, re-hashed", "round 1: L recomputed" },
        { "bundle: edited without re-hashing", "round 2: the bundle's keccak is" },
        { "blob: one byte of org3's update in round 3", "round 3, org3: weights" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Recomputation_catches_every_change_that_moves_money_and_names_round_and_organization(string change, string expected)
    {
        var copy = Copy(await RunAsync(), change);
        Tamper(copy, change);

        using var audit = new CocogenProcess(chain.RepositoryRoot, "audit", "--run", copy, "--rpc-url", chain.RpcUrl, "--recompute");

        Assert.True(await audit.ExitCodeAsync(TimeSpan.FromMinutes(4)) == 3, $"{change}: {audit.Output}");
        Assert.Contains($"VIOLATION {expected}", audit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_record_gives_one_line_and_exit_2()
    {
        var copy = Copy(await RunAsync(), "truncated");
        var file = Path.Combine(copy, "rounds.jsonl");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text[..(text.Length - 40)]);

        using var audit = new CocogenProcess(chain.RepositoryRoot, "audit", "--run", copy, "--rpc-url", chain.RpcUrl, "--recompute");

        Assert.Equal(2, await audit.ExitCodeAsync(TimeSpan.FromMinutes(2)));
        var lines = audit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("line 3", lines[0], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private static void Tamper(string run, string change)
    {
        var records = Path.Combine(run, "rounds.jsonl");
        var lines = File.ReadAllLines(records).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList();
        JsonNode Organization(int round, int index) => lines[round - 1]["organizations"]![index]!;
        switch (change)
        {
            case "record: x of org2 in round 2":
                Organization(2, 1)["contribution"] = Organization(2, 1)["contribution"]!.GetValue<double>() + 1e-9;
                break;
            case "record: transfer of org1 in round 3":
                Organization(3, 0)["chainNetWei"] = (System.Numerics.BigInteger.Parse(Organization(3, 0)["chainNetWei"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "record: verified samples of org3 in round 1":
                Organization(1, 2)["verifiedSamples"] = Organization(1, 2)["verifiedSamples"]!.GetValue<long>() * 10;
                break;
            case "record: L(-i) of org1 in round 2":
                Organization(2, 0)["lossWithout"] = Organization(2, 0)["lossWithout"]!.GetValue<double>() * 1.0000001;
                break;
            case "record: claimed real samples of org2 in round 1":
                Organization(1, 1)["localSamples"] = 1_000_000_000;
                break;
            case "record: round 2 dropped":
                lines.RemoveAt(1);
                break;
            case "blob: one byte of org3's update in round 3":
                var blob = Path.Combine(run, "evidence", "blobs", Organization(3, 2)["weightsHash"]!.GetValue<string>()[2..] + ".bin");
                var bytes = File.ReadAllBytes(blob);
                bytes[100] ^= 1;
                File.WriteAllBytes(blob, bytes);
                break;
            default:
                var round = change switch
                {
                    _ when change.Contains("round 1", StringComparison.Ordinal) => 1,
                    _ when change.Contains("round 2", StringComparison.Ordinal) => 2,
                    _ when change.Contains("round 3", StringComparison.Ordinal) => 3,
                    _ => 2,
                };
                var evidence = lines[round - 1]["evidence"]!.GetValue<string>();
                var manifestFile = Path.Combine(run, "evidence", evidence[2..] + ".json");
                var manifest = JsonNode.Parse(File.ReadAllText(manifestFile))!;
                EditManifest(manifest, change);
                File.Delete(manifestFile);
                var edited = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                var hash = change.Contains("without re-hashing", StringComparison.Ordinal)
                    ? evidence
                    : "0x" + Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(edited));
                File.WriteAllBytes(Path.Combine(run, "evidence", hash[2..] + ".json"), edited);
                lines[round - 1]["evidence"] = hash;
                break;
        }

        File.WriteAllLines(records, lines.Select(l => l.ToJsonString()));
    }

    private static void EditManifest(JsonNode manifest, string change)
    {
        var contributions = manifest["contributions"]!;
        var updates = manifest["updates"]!;
        switch (change)
        {
            case "bundle: x of org3 in round 1, re-hashed":
                contributions[2]!["contribution"] = contributions[2]!["contribution"]!.GetValue<double>() + 0.01;
                break;
            case "bundle: transfer of org2 in round 2, re-hashed":
                contributions[1]!["transferWei"] = "1";
                break;
            case "bundle: validation seed of round 3, re-hashed":
                manifest["validation"]!["seed"] = "0x" + new string('1', 64);
                break;
            case "bundle: updates of org1 and org2 swapped in round 2, re-hashed":
                (updates[0]!["weights"], updates[1]!["weights"]) = (updates[1]!["weights"]!.GetValue<string>(), updates[0]!["weights"]!.GetValue<string>());
                break;
            case "bundle: verified samples of org1 in round 3, re-hashed":
                updates[0]!["verifiedSamples"] = updates[0]!["verifiedSamples"]!.GetValue<long>() + 1;
                break;
            case "bundle: L of round 1, re-hashed":
                manifest["validation"]!["loss"] = manifest["validation"]!["loss"]!.GetValue<double>() - 0.001;
                break;
            case "bundle: edited without re-hashing":
                contributions[0]!["contribution"] = 1.0;
                break;
            default:
                throw new ArgumentException($"no such change: {change}", nameof(change));
        }
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

    private async Task<string> RunAsync()
    {
        await RunOnce.WaitAsync();
        try
        {
            if (s_run is null)
            {
                var work = Path.Combine(Path.GetTempPath(), "cocogen-evidence-run-" + Guid.NewGuid().ToString("N"));
                var config = RunFiles.WriteConfiguration(work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 300);
                var run = Path.Combine(work, "run");
                using var process = new CocogenProcess(chain.RepositoryRoot, "run", "--config", config, "--rpc-url", chain.RpcUrl, "--organizations", "3", "--rounds", "3", "--out", run);
                Assert.True(await process.ExitCodeAsync(TimeSpan.FromMinutes(8)) == 0, process.Output);
                s_run = run;
            }

            return s_run;
        }
        finally
        {
            RunOnce.Release();
        }
    }
}
