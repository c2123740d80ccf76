using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Training;

/// <summary>
/// Supervised classification training: per batch zero the gradients, forward in training mode, softmax
/// cross-entropy, backward, optimizer update; evaluation runs in evaluation mode without gradients.
/// </summary>
public sealed class Trainer
{
    private readonly SoftmaxCrossEntropyLoss _loss;
    private int _epoch;

    /// <summary>Creates a trainer.</summary>
    /// <param name="model">The classifier, producing [N, classes] logits.</param>
    /// <param name="optimizer">The optimizer over the model's parameters.</param>
    /// <param name="schedule">Optional learning-rate schedule applied at the start of each epoch.</param>
    public Trainer(Layer model, Optimizer optimizer, ILearningRateSchedule? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        Model = model;
        Optimizer = optimizer;
        Schedule = schedule;
        _loss = new SoftmaxCrossEntropyLoss(model.Backend);

        // The images need no gradient; skipping it saves the first layer's data-gradient pass.
        model.RequiresInputGradient = false;
    }

    /// <summary>The model.</summary>
    public Layer Model { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The learning-rate schedule, or null for a constant rate.</summary>
    public ILearningRateSchedule? Schedule { get; }

    /// <summary>Epochs completed by <see cref="TrainEpoch"/>.</summary>
    public int EpochsCompleted => _epoch;

    /// <summary>One optimisation step on one batch.</summary>
    /// <param name="images">[N, C, H, W].</param>
    /// <param name="labels">N labels.</param>
    /// <returns>The batch's mean loss and its number of correct predictions (before the update).</returns>
    public (float Loss, int Correct) TrainBatch(Tensor images, ReadOnlySpan<int> labels)
    {
        Model.Train();
        Optimizer.ZeroGradients();
        Tensor logits = Model.Forward(images);
        float loss = _loss.Forward(logits, labels);
        int correct = CountCorrect(logits, labels);
        Model.Backward(_loss.Backward());
        Optimizer.Update();
        return (loss, correct);
    }

    /// <summary>One pass over <paramref name="batches"/>, applying the schedule's rate for this epoch first.</summary>
    /// <param name="batches">The training batches (shuffled by the caller).</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public EpochResult TrainEpoch(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        if (Schedule is not null)
        {
            Optimizer.LearningRate = Schedule.LearningRateAt(_epoch);
        }

        double lossSum = 0;
        long correct = 0;
        long samples = 0;
        foreach (LabeledBatch batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (float loss, int right) = TrainBatch(batch.Images, batch.Labels);
            lossSum += (double)loss * batch.Count;
            correct += right;
            samples += batch.Count;
        }

        _epoch++;
        return Result(lossSum, correct, samples);
    }

    /// <summary>Loss and accuracy in evaluation mode, parameters untouched.</summary>
    /// <param name="batches">The evaluation batches.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public EpochResult Evaluate(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        Model.Eval();
        double lossSum = 0;
        long correct = 0;
        long samples = 0;
        foreach (LabeledBatch batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Tensor logits = Model.Forward(batch.Images);
            lossSum += (double)_loss.Forward(logits, batch.Labels) * batch.Count;
            correct += CountCorrect(logits, batch.Labels);
            samples += batch.Count;
        }

        Model.Train();
        return Result(lossSum, correct, samples);
    }

    /// <summary>Number of rows of [N, C] logits whose arg-max equals the label.</summary>
    /// <param name="logits">[N, C].</param>
    /// <param name="labels">N labels.</param>
    public static int CountCorrect(Tensor logits, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        int classes = logits.Dim(1);
        ReadOnlySpan<float> values = logits.Span;
        int correct = 0;
        for (int n = 0; n < labels.Length; n++)
        {
            ReadOnlySpan<float> row = values.Slice(n * classes, classes);
            int best = 0;
            for (int j = 1; j < classes; j++)
            {
                if (row[j] > row[best])
                {
                    best = j;
                }
            }

            correct += best == labels[n] ? 1 : 0;
        }

        return correct;
    }

    private static EpochResult Result(double lossSum, long correct, long samples)
        => samples == 0 ? new EpochResult(0, 0, 0) : new EpochResult(lossSum / samples, (double)correct / samples, samples);
}
