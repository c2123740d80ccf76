using System.Globalization;
using System.Numerics;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;
using CoCoGen.Federation.Tests.Doubles;

namespace CoCoGen.Federation.Tests.Protocol;

public sealed class RoundCoordinatorTests
{
    [Fact]
    public async Task Every_round_is_settled_once_with_a_budget_balanced_transfer_matching_the_preview()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 3);

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        Assert.Equal([1, 2, 3], summary.Rounds.Select(r => r.Round));
        Assert.All(summary.Rounds, r =>
        {
            Assert.Equal("Settled", r.Settlement!.Status);
            Assert.All(r.Organizations, o => Assert.Equal(UpdateOutcome.Accepted, o.Outcome));
            Assert.All(r.Organizations, o => Assert.Equal(o.PreviewNetWei, o.ChainNetWei));
            Assert.Equal(BigInteger.Zero, r.Organizations.Aggregate(BigInteger.Zero, (s, o) => s + BigInteger.Parse(o.ChainNetWei!, CultureInfo.InvariantCulture)));
            Assert.All(r.Organizations, o => Assert.Equal(o.ChainNetWei, o.TransferredWei));
            Assert.All(r.Organizations, o => Assert.True(o.Vote is { Accepted: true, Transaction: not null, Objections.Count: 0 }));
            Assert.Equal((3, 3, 0), (r.Settlement.ActiveMembers, r.Settlement.Acceptances, r.Settlement.Rejections));
            Assert.Equal(["openRound", "commitContributions", "settleRound"], r.Settlement.Transactions.Select(t => t.Step));
        });
        Assert.Equal(new Dictionary<long, int> { [1] = 1, [2] = 1, [3] = 1 }, federation.Contract.TransfersPerRound);
        Assert.True(summary.Rounds[^1].TestAccuracy > summary.Rounds[0].TestAccuracy);
        Assert.NotEqual(BigInteger.Zero, BigInteger.Parse(summary.Rounds[0].Organizations[0].ChainNetWei!, CultureInfo.InvariantCulture));
        Assert.True(File.Exists(federation.Run.ModelFile));

        // Every organization read the commitment from the contract: the seed hash it was opened with and the evidence root.
        var seen = federation.Verifiers[0].Seen.ToArray();
        Assert.Equal([1, 2, 3], seen.Select(c => c.Round));
        Assert.Equal(summary.Rounds.Select(r => r.Validation!.SeedHash), seen.Select(c => c.SeedHash.ToString()));
        Assert.Equal(summary.Rounds.Select(r => r.Evidence), seen.Select(c => c.EvidenceRoot.ToString()));

        // Accept-early: no round waited for its window, so the chain's clock never moved.
        Assert.Equal(1_700_000_000, federation.Contract.Now);
    }

    [Fact]
    public async Task A_majority_rejecting_a_commitment_voids_the_round_slashes_the_coordinator_and_the_run_goes_on()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 3);
        foreach (var verifier in federation.Verifiers.Take(2))
        {
            verifier.Objection = "x_i differs from the recomputation";
            verifier.RejectRounds.Add(2);
        }

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        Assert.Equal(["Settled", "Rejected", "Settled"], summary.Rounds.Select(r => r.Settlement!.Status));
        var rejected = summary.Rounds[1];
        Assert.Equal(["openRound", "commitContributions"], rejected.Settlement!.Transactions.Select(t => t.Step));
        Assert.Equal(2, rejected.Settlement.Rejections);
        Assert.All(rejected.Organizations.Take(2), o =>
        {
            Assert.False(o.Vote!.Accepted);
            Assert.Contains("x_i differs from the recomputation", Assert.Single(o.Vote.Objections), StringComparison.Ordinal);
        });
        Assert.All(rejected.Organizations, o => Assert.Equal("0", o.TransferredWei));
        Assert.All(rejected.Organizations, o => Assert.NotNull(o.ChainNetWei));
        Assert.Equal(new Dictionary<long, int> { [1] = 1, [3] = 1 }, federation.Contract.TransfersPerRound);

        // The bonds' effects: each member holds its deposit, rounds 1 and 3's transfers and a third of the slash; the
        // coordinator was slashed once and topped its bond up again before round 3.
        var limits = federation.Options.Settlement.Limits();
        var share = limits.CoordinatorBondWei / 3;
        for (var i = 0; i < 3; i++)
        {
            var moved = summary.Rounds.Aggregate(BigInteger.Zero, (a, r) => a + BigInteger.Parse(r.Organizations[i].TransferredWei!, CultureInfo.InvariantCulture));
            var address = ChainAddress.Parse($"0x{i + 1:x40}");
            Assert.Equal(CoCoGen.Federation.Protocol.SettlementOptions.Wei(100m) + moved + share, federation.Contract.Bonds[address]);
        }

        Assert.Equal(limits.CoordinatorBondWei, federation.Contract.CoordinatorBond);
    }

    [Fact]
    public async Task A_lone_false_challenger_loses_its_stake_to_the_others_and_the_round_settles()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 1);
        federation.Verifiers[2].Objection = "a false objection";

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        var round = summary.Rounds[0];
        Assert.Equal("Settled", round.Settlement!.Status);
        Assert.Equal((2, 1), (round.Settlement.Acceptances, round.Settlement.Rejections));
        var stake = federation.Options.Settlement.Limits().ChallengeStakeWei;
        var net = round.Organizations.Select(o => BigInteger.Parse(o.ChainNetWei!, CultureInfo.InvariantCulture)).ToArray();
        var moved = round.Organizations.Select(o => BigInteger.Parse(o.TransferredWei!, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([net[0] + (stake / 2), net[1] + (stake / 2), net[2]], moved);
        var deposit = CoCoGen.Federation.Protocol.SettlementOptions.Wei(100m);
        Assert.Equal(deposit + net[2] - stake, federation.Contract.Bonds[ChainAddress.Parse($"0x{3:x40}")]);
        Assert.Equal(deposit + net[0] + (stake / 2), federation.Contract.Bonds[ChainAddress.Parse($"0x{1:x40}")]);
        Assert.Equal(federation.Options.Settlement.Limits().CoordinatorBondWei, federation.Contract.CoordinatorBond);
    }

    [Fact]
    public async Task A_silent_majority_settles_after_the_challenge_window()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 1);
        federation.Options.ReviewTimeoutSeconds = 0.3;
        federation.Verifiers[0].Silent = true;
        federation.Verifiers[1].Silent = true;

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        var round = summary.Rounds[0];
        Assert.Equal("Settled", round.Settlement!.Status);
        Assert.Null(round.Organizations[0].Vote);
        Assert.Null(round.Organizations[1].Vote);
        Assert.True(round.Organizations[2].Vote!.Accepted);
        Assert.Equal(round.Organizations.Select(o => o.ChainNetWei), round.Organizations.Select(o => o.TransferredWei));

        // Not decided by one acceptance of three: the clock was moved past the window before settleRound.
        Assert.True(federation.Contract.Now > 1_700_000_000 + (long)federation.Options.Settlement.Timeouts().ChallengeWindowSeconds);
    }

    [Fact]
    public async Task A_contract_whose_payoff_differs_from_the_preview_by_one_wei_stops_the_round_before_any_transfer()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 2);
        federation.Contract.PayoffSkew = (1, BigInteger.One);

        var failure = await Assert.ThrowsAsync<CoCoGen.Federation.Protocol.SettlementException>(
            () => federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None));

        Assert.Contains("organization org2", failure.Message, StringComparison.Ordinal);
        Assert.Empty(federation.Contract.TransfersPerRound);
        Assert.Empty(federation.Run.ReadRounds());
    }

    [Fact]
    public async Task A_straggler_is_left_out_of_the_average_and_settled_at_zero_after_the_deadline()
    {
        using var federation = new TestFederation(organizations: 3, rounds: 2);
        federation.Learners[1].Script[2] = Misbehaviour.Hang;

        var summary = await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        var round = summary.Rounds[1];
        var straggler = round.Organizations[1];
        Assert.Equal(UpdateOutcome.Straggler, straggler.Outcome);
        Assert.Contains("straggler timeout", straggler.Reason, StringComparison.Ordinal);
        Assert.Equal("0", straggler.ContributionWad);
        Assert.True(straggler.Vote!.Accepted, "a straggler is still a round member and reviews the commitment");
        Assert.Equal("Settled", round.Settlement!.Status);
        Assert.Equal(UpdateOutcome.Accepted, round.Organizations[0].Outcome);
        Assert.Equal(UpdateOutcome.Accepted, round.Organizations[2].Outcome);
        Assert.Equal(round.Organizations[1].PreviewNetWei, round.Organizations[1].ChainNetWei);
        Assert.True(BigInteger.Parse(straggler.ChainNetWei!, CultureInfo.InvariantCulture) < 0, "x = 0 below both rivals' positive x pays out");
    }

    [Theory]
    [InlineData(Misbehaviour.NaN, "NaN")]
    [InlineData(Misbehaviour.Scale100, "median")]
    public async Task A_poisoned_update_is_rejected_with_a_reason_and_the_average_is_the_honest_one(Misbehaviour poison, string reasonFragment)
    {
        using var poisoned = new TestFederation(organizations: 4, rounds: 1);
        poisoned.Learners[2].Script[1] = poison;
        var summary = await poisoned.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        var record = summary.Rounds[0];
        Assert.Equal(UpdateOutcome.Rejected, record.Organizations[2].Outcome);
        Assert.Contains(reasonFragment, record.Organizations[2].Reason, StringComparison.Ordinal);
        Assert.Equal("0", record.Organizations[2].ContributionWad);
        Assert.Equal("Settled", record.Settlement!.Status);

        using var honest = new TestFederation(organizations: 4, rounds: 1);
        honest.Learners[2].Script[1] = Misbehaviour.Hang;
        var reference = await honest.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);
        Assert.Equal(reference.Rounds[0].ModelHash, record.ModelHash);
        Assert.Equal(reference.Rounds[0].TestAccuracy, record.TestAccuracy);
    }

    [Fact]
    public async Task Killed_after_round_k_the_run_resumes_at_k_plus_one_and_ends_with_the_same_model()
    {
        using var uninterrupted = new TestFederation(organizations: 3, rounds: 4);
        var reference = await uninterrupted.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        using var crashed = new TestFederation(organizations: 3, rounds: 4);
        using var stop = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Phase == "round" && p.Step == 2)
            {
                stop.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashed.Coordinator().RunAsync(resume: false, progress, stop.Token));
        Assert.Equal(2, crashed.Run.ReadRounds().Count);

        var resumed = await crashed.Coordinator().RunAsync(resume: true, progress: null, CancellationToken.None);

        Assert.Equal([1, 2, 3, 4], resumed.Rounds.Select(r => r.Round));
        Assert.Equal(reference.ModelHash, resumed.ModelHash);
        Assert.All(crashed.Contract.TransfersPerRound.Values, count => Assert.Equal(1, count));
        Assert.Equal(4, crashed.Contract.TransfersPerRound.Count);
        Assert.Equal(2, crashed.Learners[0].TrainCalls - 2);
    }

    [Fact]
    public async Task Stopped_after_a_generator_step_the_run_resumes_at_the_next_step_with_the_same_generator_and_model()
    {
        using var uninterrupted = new TestFederation(organizations: 3, rounds: 2);
        var reference = await uninterrupted.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        using var stopped = new TestFederation(organizations: 3, rounds: 2);
        using var stop = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Phase == "generator" && p.Step == 1)
            {
                stop.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.Coordinator().RunAsync(resume: false, progress, stop.Token));
        Assert.Equal(1, stopped.Run.LoadCheckpoint().Checkpoint.GeneratorSteps);
        Assert.Empty(stopped.Run.ReadRounds());

        var resumed = await stopped.Coordinator().RunAsync(resume: true, progress: null, CancellationToken.None);

        Assert.Equal(reference.ModelHash, resumed.ModelHash);
        Assert.Equal(uninterrupted.Run.LoadCheckpoint().Generator.ToBytes(), stopped.Run.LoadCheckpoint().Generator.ToBytes());
        Assert.Equal(2, stopped.Learners[0].GeneratorCalls);
    }

    [Fact]
    public async Task A_lost_answer_after_the_settlement_was_mined_is_reconciled_from_the_chain_without_settling_again()
    {
        using var uninterrupted = new TestFederation(organizations: 3, rounds: 3);
        var reference = await uninterrupted.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        using var lost = new TestFederation(organizations: 3, rounds: 3);
        lost.Contract.CrashAfterSettleOfRound = 2;
        var summary = await lost.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        Assert.Equal(["Settled", "Settled", "Settled"], summary.Rounds.Select(r => r.Settlement!.Status));
        Assert.Equal(new Dictionary<long, int> { [1] = 1, [2] = 1, [3] = 1 }, lost.Contract.TransfersPerRound);
        Assert.Equal(reference.ModelHash, summary.ModelHash);
        Assert.Equal(
            uninterrupted.Contract.Bonds.OrderBy(b => b.Key.ToString()).Select(b => b.Value),
            lost.Contract.Bonds.OrderBy(b => b.Key.ToString()).Select(b => b.Value));
    }

    [Fact]
    public async Task A_crash_after_the_commitment_was_mined_resumes_from_the_chain_collects_the_votes_and_settles_once()
    {
        using var uninterrupted = new TestFederation(organizations: 3, rounds: 3);
        var reference = await uninterrupted.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        using var crashed = new TestFederation(organizations: 3, rounds: 3);
        crashed.Contract.CrashAfterCommitOfRound = 2;
        await Assert.ThrowsAsync<IOException>(() => crashed.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None));
        Assert.Single(crashed.Run.ReadRounds());
        Assert.Equal(SettlementRoundStatus.Committed, (await crashed.Contract.GetRoundAsync(2, CancellationToken.None)).Status);

        var resumed = await crashed.Coordinator().RunAsync(resume: true, progress: null, CancellationToken.None);

        Assert.Equal([1, 2, 3], resumed.Rounds.Select(r => r.Round));
        Assert.Equal(new Dictionary<long, int> { [1] = 1, [2] = 1, [3] = 1 }, crashed.Contract.TransfersPerRound);
        Assert.Equal(reference.ModelHash, resumed.ModelHash);
        Assert.Equal(
            uninterrupted.Contract.Bonds.OrderBy(b => b.Key.ToString()).Select(b => b.Value),
            crashed.Contract.Bonds.OrderBy(b => b.Key.ToString()).Select(b => b.Value));

        // The resumed round was not trained or committed again; the commitment's receipt was lost with the crash, so the
        // record lists what this run saw mined (the chain holds the commitment, which the audit reads from its events).
        Assert.Equal(3, crashed.Learners[0].TrainCalls);
        Assert.Equal(["openRound", "settleRound"], resumed.Rounds[1].Settlement!.Transactions.Select(t => t.Step));
        Assert.Equal(3, resumed.Rounds[1].Settlement!.Acceptances);
    }

    [Fact]
    public async Task A_directory_holding_a_run_is_refused_without_resume_and_left_untouched()
    {
        using var federation = new TestFederation(organizations: 2, rounds: 1);
        await federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);
        var before = File.ReadAllText(federation.Run.RoundsFile);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => federation.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None));

        Assert.Contains("--resume", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(federation.Run.RoundsFile));
    }

    private sealed class SynchronousProgress(Action<CoCoGen.Federation.Ports.RunProgress> report) : IProgress<CoCoGen.Federation.Ports.RunProgress>
    {
        public void Report(CoCoGen.Federation.Ports.RunProgress value) => report(value);
    }
}
