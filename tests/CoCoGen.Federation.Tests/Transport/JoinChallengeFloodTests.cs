using System.Net;
using CoCoGen.Federation.Adapters.Authentication;
using CoCoGen.Federation.Adapters.Transport;
using CoCoGen.Federation.Adapters.Transport.Wire;
using Google.Protobuf;
using Grpc.Core;

namespace CoCoGen.Federation.Tests.Transport;

/// <summary>
/// A peer that asks for join challenges in a loop: it gets a few, then RESOURCE_EXHAUSTED; nothing more is stored, and
/// the real member, calling from its own address, still joins and the run settles.
/// </summary>
public sealed class JoinChallengeFloodTests
{
    private static readonly IPAddress FloodingPeer = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task A_peer_flooding_join_challenges_is_refused_and_the_real_members_still_join_and_settle()
    {
        await using var grpc = new GrpcFederation(organizations: 2, rounds: 1);
        await grpc.StartServerAsync();
        var flooder = grpc.RawClientFrom(FloodingPeer);

        var granted = new List<ByteString>();
        var exhausted = 0;
        for (var i = 0; i < 500; i++)
        {
            try
            {
                granted.Add((await flooder.DescribeRunAsync(new DescribeRunRequest { Organization = "org1" })).Challenge);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
                exhausted++;
            }
        }

        // A name that is not on the roster stores nothing at all.
        var outsider = await Assert.ThrowsAsync<RpcException>(() => flooder.DescribeRunAsync(new DescribeRunRequest { Organization = "org99" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, outsider.StatusCode);

        Assert.Equal(4, granted.Count);
        Assert.Equal(496, exhausted);
        Assert.Contains(grpc.Log.Lines, l => l.Contains("ResourceExhausted", StringComparison.Ordinal) && l.Contains("org1", StringComparison.Ordinal));

        // A challenge is for the member it was asked for: org2 cannot join with one of org1's.
        var org2 = grpc.Connection("org2", grpc.OrganizationKeys[1]);
        var borrowed = await Assert.ThrowsAsync<RpcException>(() => org2.JoinAsync(granted[0], grpc.Settings.Hash, CancellationToken.None));
        Assert.Equal(StatusCode.FailedPrecondition, borrowed.StatusCode);

        // The real members, from their own address (127.0.0.1), join while the flooder is still refused, and the round settles.
        var org1 = await grpc.StartWorkerAsync(0);
        var org2Worker = await grpc.StartWorkerAsync(1);
        var summary = await grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(StatusCode.ResourceExhausted,
            (await Assert.ThrowsAsync<RpcException>(() => flooder.DescribeRunAsync(new DescribeRunRequest { Organization = "org1" }).ResponseAsync)).StatusCode);

        Assert.Single(summary.Rounds);
        Assert.All(summary.Rounds[0].Organizations, o => Assert.Equal(CoCoGen.Federation.Records.UpdateOutcome.Accepted, o.Outcome));
        Assert.Null(org1.Refusal);
        Assert.Null(org2Worker.Refusal);
    }

    [Fact]
    public async Task A_member_behind_the_flooding_address_backs_off_and_joins_once_the_challenges_expire()
    {
        await using var grpc = new GrpcFederation(organizations: 2, rounds: 1);
        grpc.Consortium.ClockSkewSeconds = 5;
        grpc.Hub = grpc.NewHub();
        await grpc.StartServerAsync();

        // The flood comes from 127.0.0.1, the address org2's process calls from too (one NAT, say).
        var flooder = grpc.RawClient();
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await flooder.DescribeRunAsync(new DescribeRunRequest { Organization = "org2" });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
            {
            }
        }

        var org1 = await grpc.StartWorkerAsync(0);
        var org2 = await grpc.StartWorkerAsync(1);
        var summary = await grpc.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));

        // org2 was refused a challenge (it did not stop), backed off, and joined once the flooded ones had expired.
        Assert.Null(org2.Refusal);
        Assert.Null(org2.Failure);
        Assert.True(grpc.Log.Lines.Count(l => l.Contains("ResourceExhausted", StringComparison.Ordinal) && l.Contains("org2", StringComparison.Ordinal)) > 16);
        Assert.All(summary.Rounds[0].Organizations, o => Assert.Equal(CoCoGen.Federation.Records.UpdateOutcome.Accepted, o.Outcome));
        Assert.Null(org1.Refusal);
    }

    [Fact]
    public void Outstanding_challenges_are_bounded_per_peer_and_per_member_expire_and_free_their_slot_when_used()
    {
        var time = new ManualTime();
        var challenges = new JoinChallenges(["org1", "org2"], time, TimeSpan.FromSeconds(120));

        var first = Enumerable.Range(0, 4).Select(i => challenges.TryIssue("org1", "ipv4:10.0.0.9", out var unused)).ToArray();
        Assert.All(first, Assert.NotNull);
        Assert.Null(challenges.TryIssue("org1", "ipv4:10.0.0.9", out var perPeer));
        Assert.Contains("to this address", perPeer, StringComparison.Ordinal);

        // Using one frees its slot; a used one cannot be used again.
        Assert.True(challenges.TryTake("org1", first[0]));
        Assert.False(challenges.TryTake("org1", first[0]));
        Assert.NotNull(challenges.TryIssue("org1", "ipv4:10.0.0.9", out _));

        // Many addresses together stop at the member's bound; another member is untouched.
        var fromOthers = Enumerable.Range(1, 100)
            .SelectMany(peer => Enumerable.Range(0, 4).Select(i => challenges.TryIssue("org1", $"ipv4:10.0.1.{peer}", out var unused)))
            .Count(c => c is not null);
        Assert.Equal(64 - 4, fromOthers);
        Assert.Null(challenges.TryIssue("org1", "ipv4:10.0.2.1", out var perMember));
        Assert.Contains("64 join challenges for org1", perMember, StringComparison.Ordinal);
        Assert.NotNull(challenges.TryIssue("org2", "ipv4:10.0.0.9", out _));

        // After the lifetime every slot is free again, and an expired challenge no longer joins.
        time.Advance(TimeSpan.FromSeconds(121));
        Assert.False(challenges.TryTake("org1", first[1]!));
        Assert.NotNull(challenges.TryIssue("org1", "ipv4:10.0.2.1", out _));
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
