using CoCoGen.Learning.Data;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// The firms' data and their models after solo training: the common starting point from which every collaboration
/// scheme is run, so schemes are compared from identical models.
/// </summary>
public sealed class DuopolyStart
{
    private DuopolyStart(
        DuopolyTrainingSettings settings,
        LeNetWorkspace workspace,
        SubsetDataset low,
        SubsetDataset high,
        SubsetDataset joint,
        SubsetDataset target,
        Dictionary<string, Tensor> lowState,
        Dictionary<string, Tensor> highState)
    {
        Settings = settings;
        Workspace = workspace;
        LowData = low;
        HighData = high;
        JointData = joint;
        Target = target;
        LowState = lowState;
        HighState = highState;
        LowQuality = workspace.Accuracy(lowState, target);
        HighQuality = workspace.Accuracy(highState, target);
    }

    /// <summary>The settings it was built with.</summary>
    public DuopolyTrainingSettings Settings { get; }

    /// <summary>The network and trainer shared by both firms' updates.</summary>
    public LeNetWorkspace Workspace { get; }

    /// <summary>D_l,train: mostly classes 0–4.</summary>
    public SubsetDataset LowData { get; }

    /// <summary>D_h,train: mostly classes 5–9.</summary>
    public SubsetDataset HighData { get; }

    /// <summary>D_l,train ∪ D_h,train, the data of the joint objective (1).</summary>
    public SubsetDataset JointData { get; }

    /// <summary>D_target, class-balanced, from the test split.</summary>
    public SubsetDataset Target { get; }

    /// <summary>x_l,0.</summary>
    public IReadOnlyDictionary<string, Tensor> LowState { get; }

    /// <summary>x_h,0.</summary>
    public IReadOnlyDictionary<string, Tensor> HighState { get; }

    /// <summary>q_l,0: accuracy of x_l,0 on the target set.</summary>
    public double LowQuality { get; }

    /// <summary>q_h,0.</summary>
    public double HighQuality { get; }

    /// <summary>Draws the firms' data from <paramref name="train"/> and the target from <paramref name="test"/>, and trains each firm alone.</summary>
    public static DuopolyStart Create(ImageDataset train, ImageDataset test, DuopolyTrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        int[] lowClasses = [0, 1, 2, 3, 4];
        int[] highClasses = [5, 6, 7, 8, 9];
        var sampler = new LabelSkewSampler(train, settings.Seed);
        int[] low = sampler.Draw(settings.SamplesPerFirm, lowClasses, settings.HomeFraction);
        int[] high = sampler.Draw(settings.SamplesPerFirm, highClasses, settings.HomeFraction);
        var target = new LabelSkewSampler(test, settings.Seed + 1).Take(settings.TargetSamples, lowClasses, 0.5);
        var workspace = new LeNetWorkspace(settings.LearningRate, settings.BatchSize, settings.Seed);
        var initial = workspace.CopyState();
        var lowData = new SubsetDataset(train, low);
        var highData = new SubsetDataset(train, high);
        return new DuopolyStart(
            settings,
            workspace,
            lowData,
            highData,
            new SubsetDataset(train, [.. low, .. high]),
            target,
            Solo(workspace, initial, lowData, settings.InitialEpochsLow, settings.Seed * 31),
            Solo(workspace, initial, highData, settings.InitialEpochsHigh, (settings.Seed * 31) + 1));
    }

    private static Dictionary<string, Tensor> Solo(LeNetWorkspace workspace, Dictionary<string, Tensor> initial, ImageDataset data, int epochs, ulong seed)
    {
        workspace.Load(initial);
        for (int e = 0; e < epochs; e++)
        {
            workspace.TrainEpoch(data, seed + (ulong)(e * 1000));
        }

        return workspace.CopyState();
    }
}
