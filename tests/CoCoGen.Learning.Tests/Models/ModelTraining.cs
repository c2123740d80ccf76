using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Losses;
using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Models;

/// <summary>Shared steps of the model tests: random inputs and a few optimisation steps on one fixed batch.</summary>
internal static class ModelTraining
{
    public static Tensor RandomImages(int batch, int channels, int size, ulong seed)
    {
        var images = new Tensor(batch, channels, size, size);
        new RandomSource(seed).FillNormal(images.Span, 0f, 1f);
        return images;
    }

    /// <summary>
    /// Runs a batch of two random images forward and a zero gradient backward: logits are [2, classes] and
    /// finite, and the input gradient has the images' shape.
    /// </summary>
    public static void AssertMapsImagesToLogitsAndBack(Layer model, int channels, int size, int classes)
    {
        model.RequiresInputGradient = true;
        var images = RandomImages(2, channels, size, seed: 2);

        var logits = model.Forward(images);
        var inputGradient = model.Backward(new Tensor(2, classes));

        Assert.Equal([2, classes], logits.Shape.ToArray());
        Assert.Equal(images.Shape.ToArray(), inputGradient.Shape.ToArray());
        Assert.All(logits.Storage, x => Assert.True(float.IsFinite(x)));
    }

    /// <summary>Trains on one batch for <paramref name="steps"/> steps; returns the loss before the first and after the last step.</summary>
    public static (float First, float Last) Overfit(Layer model, Tensor images, int[] labels, int steps, float learningRate)
    {
        var loss = new SoftmaxCrossEntropyLoss();
        var optimizer = new Adam(model.Parameters(), learningRate);
        model.Train();
        float first = float.NaN;
        for (int step = 0; step < steps; step++)
        {
            optimizer.ZeroGradients();
            float value = loss.Forward(model.Forward(images), labels);
            if (step == 0)
            {
                first = value;
            }

            model.Backward(loss.Backward());
            optimizer.Update();
        }

        float last = loss.Forward(model.Forward(images), labels);
        return (first, last);
    }
}
