using CoCoGen.Learning.Tensors;
using CoCoGen.Mechanism.DefectionFree;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// Algorithm 1's training process on real data: two LeNet-5 firms with complementary label skews (see
/// <see cref="DuopolyStart"/>), quality q = accuracy on the target set. Each firm keeps a working model that runs SGD on
/// the joint objective (the union of both firms' data: each firm shares its loss gradients) for a few batches per
/// update step, and a released model whose quality is the q of the market. Real SGD on a non-convex network does not
/// obey the step-size bounds of Propositions 3 and 5, so the bounds are enforced on the measured quality: the working
/// model is released when its quality lies between the released one's and the cap (b̃·q_h for the high firm, q̂_l
/// for the low one); above the cap, the released model moves along the segment towards the working one by bisection
/// until it lies under the cap; a working model of lower quality is not released (assumption 4: qualities never
/// decrease). Training on from the working model rather than the released one keeps a lucky release (a high
/// accuracy on the finite target set) from stalling every later step; when the working model has run so far past the
/// cap that no point of the segment can be released, it restarts from the released model.
/// </summary>
public sealed class FederatedDuopolyTraining : IDuopolyTraining
{
    private readonly DuopolyStart _start;
    private readonly DuopolyTrainingSettings _settings;
    private Dictionary<string, Tensor> _low;
    private Dictionary<string, Tensor> _high;
    private Dictionary<string, Tensor> _lowWorking;
    private Dictionary<string, Tensor> _highWorking;
    private ulong _steps;

    /// <summary>Starts from the firms' solo models; <paramref name="maximalQuality"/> is the estimate of q_h*.</summary>
    public FederatedDuopolyTraining(DuopolyStart start, double maximalQuality)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (!(start.LowQuality > 0 && start.LowQuality < start.HighQuality))
        {
            throw new ArgumentException(
                $"start: need 0 < q_l,0 ({start.LowQuality}) < q_h,0 ({start.HighQuality}); train the high firm longer (initialEpochsHigh) or the low firm less.");
        }

        if (!(maximalQuality >= start.HighQuality && maximalQuality <= 1))
        {
            throw new ArgumentException($"maximalQuality: must lie in [q_h,0 = {start.HighQuality}, 1], got {maximalQuality}.");
        }

        _start = start;
        _settings = start.Settings;
        _low = Copy(start.LowState);
        _high = Copy(start.HighState);
        _lowWorking = _low;
        _highWorking = _high;
        LowQuality = start.LowQuality;
        HighQuality = start.HighQuality;
        MaximalQuality = maximalQuality;
    }

    /// <inheritdoc />
    public double LowQuality { get; private set; }

    /// <inheritdoc />
    public double HighQuality { get; private set; }

    /// <inheritdoc />
    public double MaximalQuality { get; }

    /// <summary>
    /// Estimates q_h* by training the high firm's solo model on the joint data for the settings' reference epochs
    /// (never below q_h,0).
    /// </summary>
    public static double EstimateMaximalQuality(DuopolyStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var workspace = start.Workspace;
        workspace.Load(start.HighState);
        for (int e = 0; e < start.Settings.ReferenceEpochs; e++)
        {
            workspace.TrainEpoch(start.JointData, (start.Settings.Seed * 97) + (ulong)e);
        }

        return Math.Max(workspace.Accuracy(start.Target), start.HighQuality);
    }

    /// <inheritdoc />
    public double ImproveHigh(double maxGrowth)
    {
        var (state, quality) = Step(ref _highWorking, _high, HighQuality, maxGrowth * HighQuality);
        if (quality >= HighQuality)
        {
            _high = state;
            HighQuality = quality;
        }

        return HighQuality;
    }

    /// <inheritdoc />
    public double ImproveLow(double cap)
    {
        for (int k = 0; k < _settings.MaxInnerSteps && LowQuality < cap; k++)
        {
            var (state, quality) = Step(ref _lowWorking, _low, LowQuality, cap);
            if (quality > LowQuality)
            {
                _low = state;
                LowQuality = quality;
            }
        }

        return LowQuality;
    }

    // One SGD step of the working model on the joint objective; returns the model to release (never above `cap`).
    private (Dictionary<string, Tensor> State, double Quality) Step(ref Dictionary<string, Tensor> working, Dictionary<string, Tensor> released, double quality, double cap)
    {
        var workspace = _start.Workspace;
        var joint = _start.JointData;
        int[] order = [.. Enumerable.Range(0, joint.Count)];
        new RandomSource(_settings.Seed).Fork(1_000_003 + _steps++).Shuffle(order.AsSpan());
        workspace.Load(working);
        workspace.Train(joint, order, 0, _settings.StepBatches * _settings.BatchSize);
        working = workspace.CopyState();
        double reached = workspace.Accuracy(_start.Target);
        if (reached <= cap)
        {
            return (working, reached);
        }

        double lo = 0;
        double hi = 1;
        var best = released;
        double bestQuality = quality;
        for (int b = 0; b < _settings.BisectionSteps; b++)
        {
            double mid = 0.5 * (lo + hi);
            var point = ModelStates.Interpolate(released, working, mid);
            double q = workspace.Accuracy(point, _start.Target);
            if (q <= cap)
            {
                lo = mid;
                best = point;
                bestQuality = q;
            }
            else
            {
                hi = mid;
            }
        }

        if (bestQuality <= quality)
        {
            // Far past the cap with nothing releasable on the segment: restart from the released model with small steps.
            working = released;
        }

        return (best, bestQuality);
    }

    private static Dictionary<string, Tensor> Copy(IReadOnlyDictionary<string, Tensor> state) =>
        state.ToDictionary(entry => entry.Key, entry => entry.Value.Clone(), StringComparer.Ordinal);
}
