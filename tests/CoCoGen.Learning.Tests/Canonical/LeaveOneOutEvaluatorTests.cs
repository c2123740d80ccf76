using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

public sealed class LeaveOneOutEvaluatorTests
{
    [Fact]
    public void Evaluate_ScoresTheFullAggregateAndEachAggregateWithoutOneOrganization()
    {
        var random = new RandomSource(1111);
        var model = new LeNet5(1, 28, 10, random);
        Dictionary<string, Tensor> global = CanonicalTestRound.State(model);
        List<ModelUpdate> updates = CanonicalTestRound.Updates(global, 4, random);
        CanonicalValidationSet validation = CanonicalTestRound.Images(50, 1, 28, random);
        var architecture = CanonicalLeNet5.Of(model);
        var evaluator = new CanonicalEvaluator(architecture, validation);
        var leaveOneOut = new LeaveOneOutEvaluator(evaluator);
        Dictionary<string, Tensor> aggregate = LeaveOneOutEvaluator.CreateState(architecture);
        var without = new CanonicalScore[4];
        CanonicalScore all = leaveOneOut.Evaluate(global, updates, aggregate, without);

        // The engine's FedAvg as the independent aggregate; the scores must be the evaluator's on it.
        Dictionary<string, Tensor> engine = FederatedAveraging.Aggregate(updates);
        Assert.Equal(Bits(engine), Bits(aggregate));
        Assert.Equal(evaluator.Evaluate(engine), all);
        for (int i = 0; i < updates.Count; i++)
        {
            Assert.Equal(evaluator.Evaluate(FederatedAveraging.Aggregate([.. updates.Where((_, k) => k != i)])), without[i]);
        }

        Assert.Equal(4, without.Select(s => s.Loss).Distinct().Count());
    }

    [Fact]
    public void Evaluate_WithOneUpdateScoresTheGlobalStateAsItsLeaveOneOut()
    {
        var random = new RandomSource(1212);
        var model = new LeNet5(1, 28, 10, random);
        Dictionary<string, Tensor> global = CanonicalTestRound.State(model);
        List<ModelUpdate> updates = CanonicalTestRound.Updates(global, 1, random);
        var evaluator = new CanonicalEvaluator(CanonicalLeNet5.Of(model), CanonicalTestRound.Images(30, 1, 28, random));
        var without = new CanonicalScore[1];
        CanonicalScore all = new LeaveOneOutEvaluator(evaluator).Evaluate(global, updates, LeaveOneOutEvaluator.CreateState(CanonicalLeNet5.Of(model)), without);
        Assert.Equal(evaluator.Evaluate(global), without[0]);
        Assert.Equal(evaluator.Evaluate(updates[0].State), all);
    }

    [Fact]
    public void Evaluate_GivesTheSameBitsOnOneAndTwoThreads()
    {
        var random = new RandomSource(1313);
        var model = new LeNet5(1, 28, 10, random);
        Dictionary<string, Tensor> global = CanonicalTestRound.State(model);
        List<ModelUpdate> updates = CanonicalTestRound.Updates(global, 3, random);
        CanonicalValidationSet validation = CanonicalTestRound.Images(97, 1, 28, random);
        var results = new[] { 1, 2 }.Select(threads =>
        {
            var without = new CanonicalScore[3];
            var aggregate = LeaveOneOutEvaluator.CreateState(CanonicalLeNet5.Of(model));
            CanonicalScore all = new LeaveOneOutEvaluator(new CanonicalEvaluator(CanonicalLeNet5.Of(model), validation, threads)).Evaluate(global, updates, aggregate, without);
            return (Scores: string.Join(' ', new[] { all }.Concat(without).Select(s => $"{BitConverter.DoubleToInt64Bits(s.Loss):X}/{s.Correct}")), Weights: Bits(aggregate));
        }).ToArray();
        Assert.Equal(results[0].Scores, results[1].Scores);
        Assert.Equal(results[0].Weights, results[1].Weights);
    }

    [Fact]
    public void Evaluate_RejectsADestinationOfTheWrongLength()
    {
        var random = new RandomSource(14);
        var model = new LeNet5(1, 28, 10, random);
        Dictionary<string, Tensor> global = CanonicalTestRound.State(model);
        var evaluator = new LeaveOneOutEvaluator(new CanonicalEvaluator(CanonicalLeNet5.Of(model), CanonicalTestRound.Images(3, 1, 28, random)));
        Assert.Throws<ArgumentException>(() => evaluator.Evaluate(global, CanonicalTestRound.Updates(global, 2, random), LeaveOneOutEvaluator.CreateState(CanonicalLeNet5.Of(model)), new CanonicalScore[3]));
    }

    private static string Bits(IReadOnlyDictionary<string, Tensor> state)
        => string.Join(';', state.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + ":" + Convert.ToHexString(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t.Value.Span))));
}
