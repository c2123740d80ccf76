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
            Assert.All(r.Organizations, o => Assert.NotNull(o.SubmitTransaction));
            Assert.Equal(["openRound", "profileRecord:org1", "profileRecord:org2", "profileRecord:org3", "closeRound", "payoffTransfer"],
                r.Settlement.Transactions.Select(t => t.Step));
        });
        Assert.Equal(new Dictionary<long, int> { [1] = 1, [2] = 1, [3] = 1 }, federation.Contract.TransfersPerRound);
        Assert.True(summary.Rounds[^1].TestAccuracy > summary.Rounds[0].TestAccuracy);
        Assert.NotEqual(BigInteger.Zero, BigInteger.Parse(summary.Rounds[0].Organizations[0].ChainNetWei!, CultureInfo.InvariantCulture));
        Assert.True(File.Exists(federation.Run.ModelFile));
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
        Assert.Null(straggler.SubmitTransaction);
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
    public async Task A_crash_after_the_transfer_was_mined_resumes_without_settling_the_round_again()
    {
        using var uninterrupted = new TestFederation(organizations: 3, rounds: 3);
        var reference = await uninterrupted.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None);

        using var crashed = new TestFederation(organizations: 3, rounds: 3);
        crashed.Contract.CrashAfterTransferOfRound = 2;
        await Assert.ThrowsAsync<IOException>(() => crashed.Coordinator().RunAsync(resume: false, progress: null, CancellationToken.None));
        Assert.Single(crashed.Run.ReadRounds());

        var resumed = await crashed.Coordinator().RunAsync(resume: true, progress: null, CancellationToken.None);

        Assert.Equal([1, 2, 3], resumed.Rounds.Select(r => r.Round));
        Assert.Equal(new Dictionary<long, int> { [1] = 1, [2] = 1, [3] = 1 }, crashed.Contract.TransfersPerRound);
        Assert.Equal(reference.ModelHash, resumed.ModelHash);
        Assert.Equal(
            uninterrupted.Contract.Bonds.OrderBy(b => b.Key.ToString()).Select(b => b.Value),
            crashed.Contract.Bonds.OrderBy(b => b.Key.ToString()).Select(b => b.Value));
        Assert.Equal(3, crashed.Learners[0].TrainCalls);
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
