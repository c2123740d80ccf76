using CoCoGen.Learning.Optimizers;
using CoCoGen.Learning.Tensors;
using CoCoGen.Learning.Training;

namespace CoCoGen.Learning.Generative;

/// <summary>Trains a <see cref="ConditionalVae"/> on batches of real images (pixels in [0, 1], not standardised).</summary>
public sealed class ConditionalVaeTrainer
{
    private readonly RandomSource _noise;

    /// <summary>Creates a trainer.</summary>
    /// <param name="vae">The model.</param>
    /// <param name="optimizer">An optimizer over <see cref="ConditionalVae.Parameters"/>.</param>
    /// <param name="noise">Seeded source of the reparameterisation noise.</param>
    public ConditionalVaeTrainer(ConditionalVae vae, Optimizer optimizer, RandomSource noise)
    {
        ArgumentNullException.ThrowIfNull(vae);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(noise);
        Vae = vae;
        Optimizer = optimizer;
        _noise = noise;
    }

    /// <summary>The model.</summary>
    public ConditionalVae Vae { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>One optimisation step per batch; returns the loss terms averaged over the samples.</summary>
    /// <param name="batches">Images with pixels in [0, 1] and their labels.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    public VaeLoss TrainEpoch(IEnumerable<LabeledBatch> batches, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        double reconstruction = 0, kl = 0;
        long samples = 0;
        foreach (LabeledBatch batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Optimizer.ZeroGradients();
            VaeLoss loss = Vae.ForwardBackward(batch.Images, batch.Labels, _noise);
            Optimizer.Update();
            reconstruction += (double)loss.Reconstruction * batch.Count;
            kl += (double)loss.KlDivergence * batch.Count;
            samples += batch.Count;
        }

        return samples == 0 ? default : new VaeLoss((float)(reconstruction / samples), (float)(kl / samples));
    }
}
