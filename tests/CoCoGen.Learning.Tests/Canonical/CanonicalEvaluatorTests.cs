using CoCoGen.Learning.Canonical;
using CoCoGen.Learning.Models;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Canonical;

public sealed class CanonicalEvaluatorTests
{
    [Fact]
    public void Evaluate_GivesTheMeanCrossEntropyAndAccuracyOfTheReferenceLogits()
    {
        var random = new RandomSource(606);
        var model = new LeNet5(1, 28, 10, random);
        Dictionary<string, Tensor> state = CanonicalTestRound.State(model);
        CanonicalValidationSet validation = CanonicalTestRound.Images(75, 1, 28, random);
        CanonicalScore score = new CanonicalEvaluator(CanonicalLeNet5.Of(model), validation, threads: 2).Evaluate(state);

        double loss = 0;
        int correct = 0;
        for (int s = 0; s < validation.Count; s++)
        {
            float[] z = ScalarLeNet5Reference.Logits(state, validation.Images.Slice(s * 784, 784), 1, 28, 10);
            double max = z.Max();
            double sum = z.Sum(v => Math.Exp(v - max));
            loss += Math.Log(sum) - (z[validation.Labels[s]] - max);
            correct += Array.IndexOf(z, z.Max()) == validation.Labels[s] ? 1 : 0;
        }

        Assert.Equal(validation.Count, score.Count);
        Assert.Equal(correct, score.Correct);
        Assert.Equal(loss / validation.Count, score.Loss, 1e-13);
    }

    [Fact]
    public void Evaluate_GivesTheSameBitsOnOneTwoAndThreeThreads()
    {
        var random = new RandomSource(707);
        var model = new LeNet5(1, 28, 10, random);
        Dictionary<string, Tensor> state = CanonicalTestRound.State(model);
        CanonicalValidationSet validation = CanonicalTestRound.Images(203, 1, 28, random);
        CanonicalScore[] scores = [.. new[] { 1, 2, 3 }.Select(t => new CanonicalEvaluator(CanonicalLeNet5.Of(model), validation, t).Evaluate(state))];
        Assert.All(scores, s => Assert.Equal(BitConverter.DoubleToInt64Bits(scores[0].Loss), BitConverter.DoubleToInt64Bits(s.Loss)));
        Assert.All(scores, s => Assert.Equal(scores[0].Correct, s.Correct));
    }

    [Fact]
    public void Evaluate_SeesTheStateItIsGivenEachTime()
    {
        var random = new RandomSource(808);
        var model = new LeNet5(1, 28, 10, random);
        Dictionary<string, Tensor> state = CanonicalTestRound.State(model);
        CanonicalValidationSet validation = CanonicalTestRound.Images(40, 1, 28, random);
        var evaluator = new CanonicalEvaluator(CanonicalLeNet5.Of(model), validation);
        CanonicalScore before = evaluator.Evaluate(state);
        // With the last layer zeroed every class gets the same logit: loss ln 10 and class 0 predicted.
        state["fc3.weight"].Span.Clear();
        state["fc3.bias"].Span.Clear();
        CanonicalScore after = evaluator.Evaluate(state);
        Assert.NotEqual(before.Loss, after.Loss);
        Assert.Equal(Math.Log(10), after.Loss, 1e-15);
        Assert.Equal(validation.Labels.ToArray().Count(l => l == 0), after.Correct);
    }

    [Fact]
    public void Constructor_RejectsAValidationSetOfAnotherShape()
    {
        var random = new RandomSource(9);
        CanonicalValidationSet colour = CanonicalTestRound.Images(4, 3, 32, random);
        Assert.Throws<ArgumentException>(() => new CanonicalEvaluator(new CanonicalLeNet5(1, 28, 10), colour));
    }
}
