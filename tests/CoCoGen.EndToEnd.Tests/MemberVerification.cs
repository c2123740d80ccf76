using System.Globalization;
using System.Numerics;
using CoCoGen.Cli.Hosting;
using CoCoGen.Federation.Adapters.Audit;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Adapters.Verification;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// An organization's verification of a real run's rounds: the run (real Fashion-MNIST training, settled on the Hardhat
/// node), the commitment the coordinator would post for a round (read from its own bundle and the chain's transfers),
/// what the member knows first-hand (from rounds.jsonl: the model it trained from, its upload) and a verifier with a meter
/// of its own.
/// </summary>
internal sealed class MemberVerification(ChainFixture chain, string run)
{
    private static readonly SemaphoreSlim RunOnce = new(1, 1);
    private static readonly SemaphoreSlim PoolOnce = new(1, 1);
    private static string? s_shared;
    private static readonly Dictionary<string, ValidationPool> Pools = [];

    public string Run { get; } = run;

    public RunDirectory Directory { get; } = new(run);

    public FederationSettings Settings { get; } = RunDirectory.ReadJson<FederationSettings>(Path.Combine(run, "config.json"));

    public IReadOnlyList<OrganizationProfile> Roster => RunDirectory.ReadJson<RunCheckpoint>(Directory.CheckpointFile).Organizations;

    /// <summary>The run the verification tests share: 3 organizations, 2 rounds, validation subset 300 (tests change copies only).</summary>
    public static async Task<MemberVerification> SharedRunAsync(ChainFixture chain)
    {
        await RunOnce.WaitAsync();
        try
        {
            s_shared ??= await RunAsync(chain, organizations: 3, rounds: 2, validationSubset: 300);
            return new MemberVerification(chain, s_shared);
        }
        finally
        {
            RunOnce.Release();
        }
    }

    /// <summary>Runs `cocogen run` with <paramref name="organizations"/> organizations for <paramref name="rounds"/> rounds.</summary>
    public static async Task<string> RunAsync(ChainFixture chain, int organizations, int rounds, int validationSubset)
    {
        var work = Path.Combine(Path.GetTempPath(), "cocogen-verify-run-" + Guid.NewGuid().ToString("N"));
        var config = RunFiles.WriteConfiguration(work, Path.Combine(chain.RepositoryRoot, "calibration"), stragglerTimeoutSeconds: 300, validationSubset: validationSubset);
        var run = Path.Combine(work, "run");
        using var process = new CocogenProcess(chain.RepositoryRoot, "run", "--config", config, "--rpc-url", chain.RpcUrl,
            "--organizations", organizations.ToString(CultureInfo.InvariantCulture), "--rounds", rounds.ToString(CultureInfo.InvariantCulture), "--out", run);
        Assert.True(await process.ExitCodeAsync(TimeSpan.FromMinutes(8)) == 0, process.Output);
        return run;
    }

    /// <summary>
    /// A member's verifier reading bundles from <paramref name="bundle"/> (this run's directory by default), with a meter
    /// of its own over the validation pool rebuilt from the run's dataset, and the chain's transfer terms.
    /// </summary>
    public async Task<RecomputingCommitmentVerifier> VerifierAsync(IEvidenceBundleReader? bundle = null, ILoggerFactory? loggers = null)
    {
        var arithmetic = new ChainSettlementArithmetic();
        var connection = FederationGraph.Connect(Settings, new Uri(chain.RpcUrl), PartyKeys.None, NullLoggerFactory.Instance);
        return new RecomputingCommitmentVerifier(
            bundle ?? new RunDirectoryBundleReader(Directory),
            FederationGraph.Meter(Settings, await PoolAsync()),
            arithmetic,
            arithmetic,
            new ContractTermsReader(connection),
            Roster,
            TimeProvider.System,
            (loggers ?? NullLoggerFactory.Instance).CreateLogger<RecomputingCommitmentVerifier>());
    }

    /// <summary>
    /// What the coordinator commits for round <paramref name="round"/> of this run (x_i in wad from its bundle, the nets
    /// the chain moved) and what member <paramref name="member"/> knows first-hand of it.
    /// </summary>
    public (RoundCommitment Commitment, MemberRoundFacts Facts) Truth(int round, int member, SettlementMode mode = SettlementMode.PairRule)
    {
        var rounds = Directory.ReadRounds();
        var record = rounds[round - 1];
        var manifest = Manifest(record.Evidence!);
        var nets = record.Organizations.Select(o => BigInteger.Parse(o.ChainNetWei!, CultureInfo.InvariantCulture)).ToArray();
        var values = mode == SettlementMode.PairRule
            ? manifest.Contributions.Select(c => BigInteger.Parse(c.ContributionWad, CultureInfo.InvariantCulture)).ToArray()
            : nets;
        var commitment = new RoundCommitment(round, mode, Hash32.Parse(manifest.Validation.SeedHash), Hash32.Parse(record.Evidence!), values, nets);
        var own = record.Organizations[member];
        var facts = new MemberRoundFacts(
            record.Settlement!.Contract,
            round > 1 ? rounds[round - 2].ModelHash : manifest.GlobalBefore,
            (long)Math.Round(record.Guidance[member], MidpointRounding.ToEven),
            new UploadedUpdate(own.WeightsHash!, own.LocalSamples, own.SyntheticSamples));
        return (commitment, facts);
    }

    /// <summary>
    /// Seconds the coordinator's step takes for round <paramref name="round"/>: a fresh meter measuring the bundle's
    /// updates (read from disk first, outside the timing), without fetching, hashing or checking anything.
    /// </summary>
    public double MeasureBare(int round)
    {
        var manifest = Manifest(Directory.ReadRounds()[round - 1].Evidence!);
        var meter = FederationGraph.Meter(Settings, PoolAsync().GetAwaiter().GetResult());
        ModelWeights Blob(string hash) => ModelWeights.FromBytes(File.ReadAllBytes(Directory.EvidenceBlobFile(hash)));
        var before = Blob(manifest.GlobalBefore);
        var updates = manifest.Updates.Select(u => new MeasuredUpdate(u.Organization, Blob(u.Weights), u.VerifiedSamples)).ToArray();
        var seed = Convert.FromHexString(manifest.Validation.Seed.AsSpan(2));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        meter.Measure(seed, before, updates, null, CancellationToken.None);
        return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public EvidenceManifest Manifest(string bundleHash) =>
        RunDirectory.ReadJson<EvidenceManifest>(Directory.EvidenceManifestFile(bundleHash));

    private async Task<ValidationPool> PoolAsync()
    {
        await PoolOnce.WaitAsync();
        try
        {
            // The pool is data (rebuilt from the dataset and the seed); every verifier still builds its own meter over it.
            var key = $"{Settings.Learning.Seed}/{Settings.Learning.ValidationPool}";
            if (!Pools.TryGetValue(key, out var pool))
            {
                (_, pool) = ImageFederationData.LoadCoordinator(Settings.Learning);
                Pools[key] = pool;
            }

            return pool;
        }
        finally
        {
            PoolOnce.Release();
        }
    }
}
