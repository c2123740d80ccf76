using CoCoGen.Learning.Models;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void Lenet5_learns_real_fashion_mnist_in_one_short_epoch()
    {
        (Tensor trainImages, int[] trainLabels) = FashionMnistFiles.Load("train", 8000);
        (Tensor testImages, int[] testLabels) = FashionMnistFiles.Load("t10k", 2000);
        var model = new LeNet5(1, 28, 10, new RandomSource(1));
        var trainer = new Trainer(model, new Sgd(model.Parameters(), 0.05f, momentum: 0.9f));
        EpochResult before = trainer.Evaluate(Batches(testImages, testLabels, 500, null));
        EpochResult epoch = trainer.TrainEpoch(Batches(trainImages, trainLabels, 32, new RandomSource(2)));
        EpochResult after = trainer.Evaluate(Batches(testImages, testLabels, 500, null));
        Assert.Equal(8000, epoch.Samples);
        Assert.InRange(before.Accuracy, 0, 0.3);
        Assert.True(after.Accuracy > 0.65, $"test accuracy after one epoch on 8000 images: {after.Accuracy}");
        Assert.True(after.MeanLoss < before.MeanLoss);
        Assert.Equal(1, trainer.EpochsCompleted);
    }

    [Fact]
    public void Evaluation_leaves_parameters_unchanged_and_schedule_sets_the_rate()
    {
        var model = new LeNet5(1, 28, 3, new RandomSource(4));
        var optimizer = new Sgd(model.Parameters(), 1f);
        var trainer = new Trainer(model, optimizer, new StepSchedule(0.2f, 1, 0.5f));
        var images = new Tensor(4, 1, 28, 28);
        new RandomSource(5).FillUniform(images.Span, 0, 1);
        LabeledBatch[] batches = [new LabeledBatch(images, [0, 1, 2, 0])];
        float[] weights = model.StateTensors().SelectMany(s => s.Tensor.Storage).ToArray();
        trainer.Evaluate(batches);
        Assert.Equal(weights, model.StateTensors().SelectMany(s => s.Tensor.Storage));
        trainer.TrainEpoch(batches);
        Assert.Equal(0.2f, optimizer.LearningRate);
        trainer.TrainEpoch(batches);
        Assert.Equal(0.1f, optimizer.LearningRate);
        Assert.NotEqual(weights, model.StateTensors().SelectMany(s => s.Tensor.Storage));
    }

    [Fact]
    public void Count_correct_uses_the_arg_max()
    {
        var logits = Tensor.FromValues([0.1f, 0.9f, 0, 2, 1, 0], 2, 3);
        Assert.Equal(2, Trainer.CountCorrect(logits, [1, 0]));
        Assert.Equal(0, Trainer.CountCorrect(logits, [0, 2]));
    }

    internal static IEnumerable<LabeledBatch> Batches(Tensor images, int[] labels, int size, RandomSource? shuffle)
    {
        int count = labels.Length;
        int[] order = [.. Enumerable.Range(0, count)];
        shuffle?.Shuffle<int>(order);
        int pixels = images.Length / count;
        for (int start = 0; start + size <= count; start += size)
        {
            var batch = new Tensor(size, images.Dim(1), images.Dim(2), images.Dim(3));
            int[] batchLabels = new int[size];
            for (int i = 0; i < size; i++)
            {
                images.Span.Slice(order[start + i] * pixels, pixels).CopyTo(batch.Span.Slice(i * pixels, pixels));
                batchLabels[i] = labels[order[start + i]];
            }

            yield return new LabeledBatch(batch, batchLabels);
        }
    }
}
