using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Keys;
using CoCoGen.Federation.Adapters.Ledger;
using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Adapters.Verification;
using CoCoGen.Federation.Ports;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Signer;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// The distributed shape: an organization fetches a real run's bundle from <see cref="CoordinatorGrpcService"/> over
/// loopback with its signed client calls, and verifies the round. A coordinator that serves a changed weights blob is
/// caught by the hash; an outsider gets nothing.
/// </summary>
[Collection(ChainGroup.Name)]
public sealed class CommitmentVerificationOverGrpcTests(ChainFixture chain) : IAsyncLifetime
{
    private static readonly EthECKey CoordinatorKey = Key(0xC0);
    private readonly List<GrpcChannel> _channels = [];
    private WebApplication? _app;
    private Uri? _address;
    private MemberVerification? _run;
    private TamperingEvidence? _evidence;

    public async Task InitializeAsync()
    {
        _run = await MemberVerification.SharedRunAsync(chain);
        _evidence = new TamperingEvidence(new RunDirectoryEvidence(_run.Run));
        var consortium = new ConsortiumOptions
        {
            CoordinatorAddress = CoordinatorKey.GetPublicAddress(),
            Roster = _run.Roster.Select((o, i) => new RosterMember { Organization = o.Id, Address = Key(0x10 + i).GetPublicAddress(), LocalSamples = o.LocalSamples }).ToList(),
        };
        var connection = CoCoGen.Cli.Hosting.FederationGraph.Connect(_run.Settings, new Uri(chain.RpcUrl), PartyKeys.None, NullLoggerFactory.Instance);
        var hub = new CoordinatorHub(
            consortium, new AgreedSettings("{}"), new PartySigner("coordinator", CoordinatorKey), new ChainTransactionCheck(connection), _evidence, TimeProvider.System, NullLoggerFactory.Instance);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(hub);
        _app = builder.Build();
        _app.MapGrpcService<CoordinatorGrpcService>();
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Fact]
    public async Task A_member_fetches_the_bundle_over_the_transport_and_accepts_the_true_commitment()
    {
        var verifier = await _run!.VerifierAsync(new CoordinatorBundleReader(Connection("org2", Key(0x11)), _address!.ToString()));
        var (commitment, facts) = _run.Truth(2, 1);

        var verdict = await verifier.VerifyAsync("org2", commitment, facts, CancellationToken.None);

        Assert.True(verdict.Accepted, string.Join("\n", verdict.Objections));
    }

    [Fact]
    public async Task A_blob_the_coordinator_changed_in_transit_is_caught_by_its_hash()
    {
        var (commitment, facts) = _run!.Truth(2, 0);
        var org3Update = _run.Manifest(commitment.EvidenceRoot.ToString()).Updates.Single(u => u.Organization == "org3").Weights;
        _evidence!.Tampered = org3Update;
        var verifier = await _run.VerifierAsync(new CoordinatorBundleReader(Connection("org1", Key(0x10)), _address!.ToString()));

        var verdict = await verifier.VerifyAsync("org1", commitment, facts, CancellationToken.None);

        Assert.False(verdict.Accepted);
        Assert.Contains(verdict.Objections, o => o.StartsWith("round 2, org3: evidence-blob: weights " + org3Update, StringComparison.Ordinal) && o.Contains("keccak", StringComparison.Ordinal));
        Assert.Equal(1, _evidence.Served);
    }

    [Fact]
    public async Task A_blob_over_the_size_limit_is_refused_and_the_round_rejected()
    {
        var (commitment, facts) = _run!.Truth(2, 0);
        var limited = Connection("org1", Key(0x10), maxWeightsBytes: 1000);
        var blob = _run.Manifest(commitment.EvidenceRoot.ToString()).GlobalBefore;
        await Assert.ThrowsAsync<InvalidDataException>(() => limited.EvidenceBlobAsync(blob, CancellationToken.None));
        var verifier = await _run.VerifierAsync(new CoordinatorBundleReader(limited, _address!.ToString()));

        var verdict = await verifier.VerifyAsync("org1", commitment, facts, CancellationToken.None);

        Assert.False(verdict.Accepted);
        Assert.Contains(verdict.Objections, o => o.StartsWith("round 2: evidence-blob: weights " + blob, StringComparison.Ordinal) && o.Contains("1000-byte limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_outsider_fetches_no_evidence_through_the_client()
    {
        var (commitment, _) = _run!.Truth(1, 0);
        var blob = _run.Manifest(commitment.EvidenceRoot.ToString()).GlobalAfter;
        var member = Connection("org1", Key(0x10));
        Assert.NotNull(await member.EvidenceManifestAsync(commitment.EvidenceRoot.ToString(), CancellationToken.None));
        Assert.NotNull(await member.EvidenceBlobAsync(blob, CancellationToken.None));

        // A key outside the roster, under a member's name and under its own: refused before anything is read.
        foreach (var outsider in new[] { Connection("org1", Key(0x66)), Connection("org9", Key(0x66)) })
        {
            var manifest = await Assert.ThrowsAsync<RpcException>(() => outsider.EvidenceManifestAsync(commitment.EvidenceRoot.ToString(), CancellationToken.None));
            Assert.Contains(manifest.StatusCode, new[] { StatusCode.Unauthenticated, StatusCode.PermissionDenied });
            var weights = await Assert.ThrowsAsync<RpcException>(() => outsider.EvidenceBlobAsync(blob, CancellationToken.None));
            Assert.Contains(weights.StatusCode, new[] { StatusCode.Unauthenticated, StatusCode.PermissionDenied });
        }

        // A blob the coordinator does not hold is none, not an error.
        Assert.Null(await member.EvidenceBlobAsync("0x" + new string('3', 64), CancellationToken.None));
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static EthECKey Key(int seed) => new(Convert.ToHexString(Enumerable.Repeat((byte)seed, 32).ToArray()));

    private CoordinatorConnection Connection(string party, EthECKey key, long maxWeightsBytes = 64L << 20)
    {
        var channel = GrpcChannel.ForAddress(_address!);
        _channels.Add(channel);
        return new CoordinatorConnection(new CoCoGen.Federation.Adapters.Transport.Wire.Coordinator.CoordinatorClient(channel), new PartySigner(party, key), CoordinatorKey.GetPublicAddress(), maxWeightsBytes, TimeProvider.System);
    }

    /// <summary>A dishonest coordinator's evidence: one named blob is served with a byte flipped.</summary>
    private sealed class TamperingEvidence(IEvidenceSource honest) : IEvidenceSource
    {
        public string? Tampered { get; set; }

        public int Served { get; private set; }

        public EvidenceManifestFile? TryGetManifest(long round) => honest.TryGetManifest(round);

        public EvidenceManifestFile? TryGetManifest(string bundleHash) => honest.TryGetManifest(bundleHash);

        public Stream? TryOpenBlob(string hash)
        {
            var stream = honest.TryOpenBlob(hash);
            if (stream is null || !string.Equals(hash, Tampered, StringComparison.OrdinalIgnoreCase))
            {
                return stream;
            }

            using (stream)
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var bytes = copy.ToArray();
                bytes[100] ^= 1;
                Served++;
                return new MemoryStream(bytes, writable: false);
            }
        }
    }
}
