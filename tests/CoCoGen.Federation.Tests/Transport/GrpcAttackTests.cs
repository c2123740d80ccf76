using System.Net;
using System.Numerics;
using System.Text;
using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Adapters.Transport.Wire;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Tests.Doubles;
using Google.Protobuf;
using Grpc.Core;
using Nethereum.Signer;

namespace CoCoGen.Federation.Tests.Transport;

/// <summary>
/// The attacks of issue 13 against the gRPC API, each shown refused or neutralised by its effect: nothing taken, nothing
/// paid, nothing averaged in beyond the verified weight, and the server still serving.
/// </summary>
public sealed class GrpcAttackTests
{
    private static readonly EthECKey OutsiderKey = GrpcFederation.Key(0x99);

    [Fact]
    public async Task An_outsider_connecting_before_the_real_org3_is_refused_and_never_takes_its_work()
    {
        var expected = await HonestReferenceAsync(organizations: 3, rounds: 2);
        await using var grpc = new GrpcFederation(organizations: 3, rounds: 2);
        await grpc.StartServerAsync();

        // First come is not first served: the outsider calls before org3 exists and holds a valid challenge.
        var outsider = grpc.Connection("org3", OutsiderKey);
        var description = await outsider.DescribeRunAsync(CancellationToken.None);
        var join = await Assert.ThrowsAsync<RpcException>(() => outsider.JoinAsync(description.Challenge, grpc.Settings.Hash, CancellationToken.None));
        Assert.Equal(StatusCode.Unauthenticated, join.StatusCode);

        for (var i = 0; i < 3; i++)
        {
            await grpc.StartWorkerAsync(i);
        }

        // While the run goes on the outsider keeps polling for org3's work; every poll is refused.
        using var stop = new CancellationTokenSource();
        var polls = Task.Run(async () =>
        {
            var refused = 0;
            while (!stop.IsCancellationRequested)
            {
                var poll = await Assert.ThrowsAsync<RpcException>(() => outsider.NextWorkAsync(1, TimeSpan.FromMilliseconds(100), CancellationToken.None));
                Assert.Equal(StatusCode.Unauthenticated, poll.StatusCode);
                refused++;
                await Task.Delay(20);
            }

            return refused;
        });
        var summary = await grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);
        await stop.CancelAsync();

        Assert.True(await polls > 0);
        Assert.Equal(expected.ModelHash, summary.ModelHash);
        var outsiderAddress = ChainAddress.Parse(OutsiderKey.GetPublicAddress());
        Assert.All(summary.Rounds, r => Assert.DoesNotContain(r.Organizations, o => o.Address == outsiderAddress));
        Assert.False(grpc.Federation.Contract.Bonds.ContainsKey(outsiderAddress));
        Assert.Equal(ChainAddress.Parse(grpc.OrganizationKeys[2].GetPublicAddress()), summary.Rounds[^1].Organizations[2].Address);
    }

    [Fact]
    public async Task A_member_cannot_fetch_or_answer_another_members_work()
    {
        await using var grpc = new GrpcFederation(organizations: 3, rounds: 1);
        await grpc.StartServerAsync();
        await grpc.StartWorkerAsync(0);
        await grpc.StartWorkerAsync(1);
        var org3 = grpc.Connection("org3", grpc.OrganizationKeys[2]);
        var description = await org3.DescribeRunAsync(CancellationToken.None);
        await org3.JoinAsync(description.Challenge, grpc.Settings.Hash, CancellationToken.None);
        var run = grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        var bond = await NextAsync(org3, WorkKind.Bond);
        var deposit = await grpc.Accounts[2].DepositAsync(BigInteger.Parse(bond.Wei, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        await org3.ReportTransactionAsync(bond, deposit, CancellationToken.None);
        var generator = await NextAsync(org3, WorkKind.Generator);

        // org1 is a member with a valid key, but org3's work is not its own.
        var org1 = grpc.Connection("org1", grpc.OrganizationKeys[0]);
        var fetch = await Assert.ThrowsAsync<RpcException>(() => org1.WeightsAsync(generator, WeightsKind.Generator, CancellationToken.None));
        Assert.Equal(StatusCode.FailedPrecondition, fetch.StatusCode);
        var forged = new LocalUpdate(new ModelWeights(new float[TestFederation.Dimension]), 1000, 0, 0, 0, 0);
        var answer = await Assert.ThrowsAsync<RpcException>(() => org1.UploadAsync(generator, forged, CancellationToken.None));
        Assert.Equal(StatusCode.FailedPrecondition, answer.StatusCode);

        // org3 answers its own work; the forged zero vector was never averaged in.
        var weights = await org3.WeightsAsync(generator, WeightsKind.Generator, CancellationToken.None);
        var own = await grpc.Federation.Learners[2].TrainGeneratorAsync(weights, generator.Pass, CancellationToken.None);
        await org3.UploadAsync(generator, own, CancellationToken.None);
        await grpc.StartWorkerAsync(2);
        var summary = await run;
        Assert.All(summary.Rounds[0].Organizations, o => Assert.Equal(UpdateOutcome.Accepted, o.Outcome));
    }

    [Fact]
    public async Task A_claim_of_a_billion_samples_does_not_move_FedAvg_or_the_recorded_counts()
    {
        var expected = await HonestReferenceAsync(organizations: 3, rounds: 2);
        await using var grpc = new GrpcFederation(organizations: 3, rounds: 2);
        await grpc.StartServerAsync();
        await grpc.StartWorkerAsync(0);
        await grpc.StartWorkerAsync(1);
        await grpc.StartWorkerAsync(2, learner: new ClaimingLearner(grpc.Federation.Learners[2], 1_000_000_000));

        var summary = await grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        Assert.Equal(expected.Rounds.Select(r => r.ModelHash), summary.Rounds.Select(r => r.ModelHash));
        Assert.All(summary.Rounds, r =>
        {
            Assert.Equal(grpc.Federation.Learners[2].LocalSamples, r.Organizations[2].LocalSamples);
            Assert.Equal(300, r.Organizations[2].SyntheticSamples);
        });
    }

    [Fact]
    public void A_registration_declaring_a_billion_samples_is_refused_at_start()
    {
        var consortium = new ConsortiumOptions
        {
            CoordinatorAddress = "0x" + new string('c', 40),
            Roster =
            [
                new RosterMember { Organization = "org1", Address = "0x" + new string('1', 40), LocalSamples = 6000 },
                new RosterMember { Organization = "org2", Address = "0x" + new string('2', 40), LocalSamples = 1_000_000_000 },
            ],
        };

        var result = new ConsortiumOptionsValidator(organizations: 2, trainingSamples: 60_000).Validate(null, consortium);

        Assert.True(result.Failed);
        Assert.Equal(
            ["Consortium:Roster:1:LocalSamples: org2 declares D_i = 1000000000; it must be between 1 and the 60000 training samples of the run"],
            result.Failures);
    }

    [Fact]
    public async Task A_fake_vote_receipt_is_not_believed_and_the_member_is_recorded_as_silent()
    {
        await using var grpc = new GrpcFederation(organizations: 3, rounds: 1);
        grpc.Accounts[2].FakeVote = true;
        await grpc.StartServerAsync();
        for (var i = 0; i < 3; i++)
        {
            await grpc.StartWorkerAsync(i);
        }

        var summary = await grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        var state = await grpc.Federation.Contract.GetRoundAsync(1, CancellationToken.None);
        Assert.False(state.Accepted[2] || state.Rejected[2]);
        Assert.Null(summary.Rounds[0].Organizations[2].Vote);
        Assert.Equal("Settled", summary.Rounds[0].Settlement!.Status);
        Assert.DoesNotContain(new string('e', 64), File.ReadAllText(grpc.Federation.Run.RoundsFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fake_bond_receipt_stops_the_run_before_any_round_so_nothing_is_paid()
    {
        await using var grpc = new GrpcFederation(organizations: 3, rounds: 1);
        grpc.Accounts[2].FakeBond = true;
        await grpc.StartServerAsync();
        for (var i = 0; i < 3; i++)
        {
            await grpc.StartWorkerAsync(i);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None));

        Assert.Contains("not on chain", error.Message, StringComparison.Ordinal);
        Assert.False(grpc.Federation.Contract.Bonds.ContainsKey(grpc.Accounts[2].Address));
        Assert.Empty(grpc.Federation.Run.ReadRounds());
        Assert.Empty(grpc.Federation.Contract.TransfersPerRound);
    }

    [Fact]
    public async Task A_member_that_takes_its_bond_work_and_never_answers_times_out_and_the_server_keeps_serving()
    {
        await using var grpc = new GrpcFederation(organizations: 3, rounds: 1);
        await grpc.StartServerAsync();
        await grpc.StartWorkerAsync(0);
        await grpc.StartWorkerAsync(1);
        var org3 = grpc.Connection("org3", grpc.OrganizationKeys[2]);
        await org3.JoinAsync((await org3.DescribeRunAsync(CancellationToken.None)).Challenge, grpc.Settings.Hash, CancellationToken.None);
        var run = grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        var bond = await NextAsync(org3, WorkKind.Bond);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal("org3 did not bond within 5 s (Consortium:BondTimeoutSeconds)", error.Message);
        Assert.Empty(grpc.Federation.Run.ReadRounds());
        var late = await Assert.ThrowsAsync<RpcException>(() => org3.ReportTransactionAsync(bond, new ChainReceipt(Hash32.Parse("0x" + new string('a', 64)), 1), CancellationToken.None));
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.NotEmpty((await org3.DescribeRunAsync(CancellationToken.None)).Challenge);
    }

    [Fact]
    public async Task Malformed_requests_get_a_status_and_the_server_keeps_serving()
    {
        await using var grpc = new GrpcFederation(organizations: 2, rounds: 1);
        await grpc.StartServerAsync();
        var raw = grpc.RawClient();
        var challenge = (await raw.DescribeRunAsync(new DescribeRunRequest { Organization = "org1" })).Challenge;

        // "address": "hello" — a party that is no organization id at all.
        var hello = new JoinRequest { Challenge = challenge, AgreedSettingsHash = ByteString.CopyFrom(grpc.Settings.Hash) };
        hello.Auth = Sign(OutsiderKey, "hello", "Join", 0, string.Empty, hello);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => raw.JoinAsync(hello).ResponseAsync)).StatusCode);

        // Unsigned, and signed with 65 bytes of garbage.
        var unsigned = new JoinRequest { Challenge = challenge };
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.JoinAsync(unsigned).ResponseAsync)).StatusCode);
        var garbage = new JoinRequest { Challenge = challenge, AgreedSettingsHash = ByteString.CopyFrom(grpc.Settings.Hash) };
        garbage.Auth = Sign(grpc.OrganizationKeys[0], "org1", "Join", 0, string.Empty, garbage);
        garbage.Auth.Signature = ByteString.CopyFrom(Enumerable.Repeat((byte)0xff, 65).ToArray());
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.JoinAsync(garbage).ResponseAsync)).StatusCode);

        // Bytes that are no protobuf message at all.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(grpc.Address!, "cocogen.federation.v1.Coordinator/Join"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 6, 0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.Single() : response.Headers.GetValues("grpc-status").Single();
        Assert.NotEqual("0", status);

        // Still serving: an honest member joins afterwards.
        var org1 = grpc.Connection("org1", grpc.OrganizationKeys[0]);
        await org1.JoinAsync((await org1.DescribeRunAsync(CancellationToken.None)).Challenge, grpc.Settings.Hash, CancellationToken.None);
        using var joined = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await grpc.Hub.Channels[0].JoinAsync(joined.Token);
    }

    [Fact]
    public async Task Replayed_tampered_stale_wrongly_signed_and_out_of_round_messages_are_refused()
    {
        await using var grpc = new GrpcFederation(organizations: 2, rounds: 1);
        await grpc.StartServerAsync();
        var raw = grpc.RawClient();
        var org1 = grpc.Connection("org1", grpc.OrganizationKeys[0]);
        await org1.JoinAsync((await org1.DescribeRunAsync(CancellationToken.None)).Challenge, grpc.Settings.Hash, CancellationToken.None);

        var poll = new NextWorkRequest { WaitMs = 10 };
        poll.Auth = Sign(grpc.OrganizationKeys[0], "org1", "NextWork", 0, string.Empty, poll);
        await raw.NextWorkAsync(poll);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.NextWorkAsync(poll).ResponseAsync)).StatusCode);
        Assert.Contains("Warning: Refused NextWork from org1: Unauthenticated replayed request (nonce already used)", grpc.Log.Lines);

        var tampered = new NextWorkRequest { WaitMs = 10 };
        tampered.Auth = Sign(grpc.OrganizationKeys[0], "org1", "NextWork", 0, string.Empty, tampered);
        tampered.WaitMs = 20_000;
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.NextWorkAsync(tampered).ResponseAsync)).StatusCode);

        var stale = new NextWorkRequest { WaitMs = 10 };
        stale.Auth = Sign(grpc.OrganizationKeys[0], "org1", "NextWork", 0, string.Empty, stale, DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds());
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.NextWorkAsync(stale).ResponseAsync)).StatusCode);

        var wrongKey = new NextWorkRequest { WaitMs = 10 };
        wrongKey.Auth = Sign(grpc.OrganizationKeys[1], "org1", "NextWork", 0, string.Empty, wrongKey);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.NextWorkAsync(wrongKey).ResponseAsync)).StatusCode);

        // A signature for one method does not open another.
        var otherMethod = new NextWorkRequest { WaitMs = 10 };
        otherMethod.Auth = Sign(grpc.OrganizationKeys[0], "org1", "GetStatus", 0, string.Empty, otherMethod);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.NextWorkAsync(otherMethod).ResponseAsync)).StatusCode);

        // Out of round: a report for round-0 bond work signed as round 7.
        await org1.JoinAsync((await org1.DescribeRunAsync(CancellationToken.None)).Challenge, grpc.Settings.Hash, CancellationToken.None);
        var org2 = await grpc.StartWorkerAsync(1);
        var run = grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);
        var bond = await NextAsync(org1, WorkKind.Bond);
        var deposit = await grpc.Accounts[0].DepositAsync(BigInteger.One, CancellationToken.None);
        var report = new ReportRequest { WorkId = bond.Id, TransactionHash = deposit.TransactionHash.ToString() };
        report.Auth = Sign(grpc.OrganizationKeys[0], "org1", "Report", 7, bond.Id, report);
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() => raw.ReportAsync(report).ResponseAsync)).StatusCode);

        // The same report signed for its own round is taken once; its replay is refused.
        var honest = new ReportRequest { WorkId = bond.Id, TransactionHash = deposit.TransactionHash.ToString() };
        honest.Auth = Sign(grpc.OrganizationKeys[0], "org1", "Report", bond.Round, bond.Id, honest);
        await raw.ReportAsync(honest);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.ReportAsync(honest).ResponseAsync)).StatusCode);
        Assert.Null(org2.Refusal);
        await grpc.StartWorkerAsync(0);
        await run;
    }

    [Fact]
    public async Task Every_member_fetches_every_evidence_bundle_and_outsiders_none()
    {
        await using var grpc = new GrpcFederation(organizations: 2, rounds: 1);
        var blob = Enumerable.Range(0, 3 * CoordinatorGrpcService.ChunkBytes / 2).Select(i => (byte)(i * 7)).ToArray();
        var blobHash = Convert.ToHexStringLower(SignatureRecovery.Keccak(blob));
        var manifest = Encoding.UTF8.GetBytes($"{{\"round\":1,\"updates\":[\"{blobHash}\"]}}");
        var bundleHash = Convert.ToHexStringLower(SignatureRecovery.Keccak(manifest));
        var evidence = Path.Combine(grpc.Federation.Directory, "evidence");
        Directory.CreateDirectory(Path.Combine(evidence, "blobs"));
        await File.WriteAllBytesAsync(Path.Combine(evidence, bundleHash + ".json"), manifest);
        await File.WriteAllBytesAsync(Path.Combine(evidence, "blobs", blobHash + ".bin"), blob);
        var forgedHash = new string('f', 64);
        await File.WriteAllBytesAsync(Path.Combine(evidence, "blobs", forgedHash + ".bin"), blob);
        await grpc.StartServerAsync();
        var raw = grpc.RawClient();

        foreach (var member in new[] { 0, 1 })
        {
            var byRound = new EvidenceManifestRequest { Round = 1 };
            byRound.Auth = Sign(grpc.OrganizationKeys[member], GrpcFederation.Id(member), "GetEvidenceManifest", 0, string.Empty, byRound);
            var fetched = await raw.GetEvidenceManifestAsync(byRound);
            Assert.Equal(manifest, fetched.Manifest.ToByteArray());
            Assert.Equal(bundleHash, fetched.BundleHash);

            var byHash = new EvidenceManifestRequest { BundleHash = "0x" + bundleHash };
            byHash.Auth = Sign(grpc.OrganizationKeys[member], GrpcFederation.Id(member), "GetEvidenceManifest", 0, string.Empty, byHash);
            Assert.Equal(manifest, (await raw.GetEvidenceManifestAsync(byHash)).Manifest.ToByteArray());

            Assert.Equal(blob, await BlobAsync(raw, grpc.OrganizationKeys[member], GrpcFederation.Id(member), blobHash));
        }

        var outsider = new EvidenceManifestRequest { Round = 1 };
        outsider.Auth = Sign(OutsiderKey, "org1", "GetEvidenceManifest", 0, string.Empty, outsider);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => raw.GetEvidenceManifestAsync(outsider).ResponseAsync)).StatusCode);
        var stranger = new EvidenceManifestRequest { Round = 1 };
        stranger.Auth = Sign(OutsiderKey, "org9", "GetEvidenceManifest", 0, string.Empty, stranger);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => raw.GetEvidenceManifestAsync(stranger).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => BlobAsync(raw, OutsiderKey, "org2", blobHash))).StatusCode);

        // A blob whose bytes do not hash to its name, and a name that leaves the folder, are not served.
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => BlobAsync(raw, grpc.OrganizationKeys[0], "org1", forgedHash))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => BlobAsync(raw, grpc.OrganizationKeys[0], "org1", "../../../etc/passwd"))).StatusCode);
    }

    private static async Task<byte[]> BlobAsync(Coordinator.CoordinatorClient raw, EthECKey key, string party, string hash)
    {
        var request = new EvidenceBlobRequest { Hash = hash };
        request.Auth = Sign(key, party, "DownloadEvidenceBlob", 0, string.Empty, request);
        using var call = raw.DownloadEvidenceBlob(request);
        using var bytes = new MemoryStream();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            call.ResponseStream.Current.Data.WriteTo(bytes);
        }

        return bytes.ToArray();
    }

    private static Adapters.Transport.Wire.Authentication Sign(EthECKey key, string party, string method, long round, string workId, IMessage body, long? timestampMs = null) =>
        WireSignatures.Sign(new PartySigner(party, key), method, round, workId, body, timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), WireSignatures.NewNonce());

    private static async Task<WorkItem> NextAsync(CoordinatorConnection connection, WorkKind kind)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (await connection.NextWorkAsync(0, TimeSpan.FromSeconds(1), CancellationToken.None) is { } item)
            {
                Assert.Equal(kind, item.Kind);
                return item;
            }
        }

        throw new TimeoutException($"no {kind} work within a minute");
    }

    private static async Task<RunSummary> HonestReferenceAsync(int organizations, int rounds)
    {
        using var reference = new TestFederation(organizations, rounds);
        reference.Options.StragglerTimeoutSeconds = 5;
        return await reference.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);
    }
}
