using System.ComponentModel.DataAnnotations;
using CoCoGen.Learning.Data;

namespace CoCoGen.Federation.Adapters.Training;

/// <summary>Data, partitioning and local training (configuration section <c>Learning</c>).</summary>
public sealed class LearningOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Learning";

    /// <summary>The dataset: <c>fashion-mnist</c> or <c>cifar10</c>.</summary>
    public string Corpus { get; set; } = ImageCorpus.FashionMnist.Name;

    /// <summary>
    /// Where the dataset lives: Fashion-MNIST's IDX folder (gzip or plain), or CIFAR-10's binary folder or
    /// JPEG zip. Empty: the corpus's default (Debian's Fashion-MNIST folder; ../shared/data/cifar10-jpeg.zip).
    /// </summary>
    public string Dataset { get; set; } = "";

    /// <summary>
    /// The classifier trained and measured: <c>lenet5</c> (default), <c>mobilenetv2</c> or <c>mobilenetv3-small</c>
    /// (<see cref="ClassifierModel"/>).
    /// </summary>
    public string Model { get; set; } = ClassifierModel.LeNet5.Name;

    /// <summary>Folder a CIFAR-10 JPEG zip is decoded into, once (empty: the user's local application data).</summary>
    public string DecodeCache { get; set; } = "";

    /// <summary>Number of organizations the training set is split over.</summary>
    [Range(2, 64, ErrorMessage = "Learning:Organizations must be between {1} and {2}")]
    public int Organizations { get; set; } = 10;

    /// <summary>Dirichlet concentration α of the label split (smaller: more heterogeneous).</summary>
    [Range(1e-3, 1e3, ErrorMessage = "Learning:Alpha must be between {1} and {2}")]
    public double Alpha { get; set; } = 0.5;

    /// <summary>Seed of every random choice of the run (partition, initialisation, batches, synthesis).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Learning:Seed must be a non-negative integer")]
    public int Seed { get; set; } = 1;

    /// <summary>Training samples used out of the 60,000 (0: all), taken before partitioning.</summary>
    [Range(0, 60_000, ErrorMessage = "Learning:TrainSamples must be between {1} and {2} (0 = all)")]
    public int TrainSamples { get; set; }

    /// <summary>Test samples evaluated out of the 10,000 (0: all).</summary>
    [Range(0, 10_000, ErrorMessage = "Learning:TestSamples must be between {1} and {2} (0 = all)")]
    public int TestSamples { get; set; }

    /// <summary>
    /// Training samples set aside as the coordinator's validation pool before the split (no organization trains on
    /// them); each round's validation subset is drawn from it.
    /// </summary>
    [Range(100, 20_000, ErrorMessage = "Learning:ValidationPool must be between {1} and {2}")]
    public int ValidationPool { get; set; } = 5_000;

    /// <summary>Images of the pool each round's contributions are measured on (n + 1 canonical evaluations of them).</summary>
    [Range(10, 20_000, ErrorMessage = "Learning:ValidationSubset must be between {1} and {2}")]
    public int ValidationSubset { get; set; } = 1_000;

    /// <summary>
    /// Robustness experiments: organizations that misbehave, by id (<c>free-rider</c>, <c>noisy</c> or <c>label-flip</c>),
    /// for example <c>--set Learning:Adversaries:org3=free-rider</c>. Empty in a real federation.
    /// </summary>
    public Dictionary<string, string> Adversaries { get; set; } = [];

    /// <summary>σ of the Gaussian noise a <c>noisy</c> adversary adds to every weight.</summary>
    [Range(0.0, 10.0, ErrorMessage = "Learning:AdversaryNoise must be between {1} and {2}")]
    public double AdversaryNoise { get; set; } = 0.01;

    /// <summary>Local epochs per round.</summary>
    [Range(1, 100, ErrorMessage = "Learning:LocalEpochs must be between {1} and {2}")]
    public int LocalEpochs { get; set; } = 1;

    /// <summary>Mini-batch size of local training.</summary>
    [Range(1, 4096, ErrorMessage = "Learning:BatchSize must be between {1} and {2}")]
    public int BatchSize { get; set; } = 32;

    /// <summary>SGD learning rate of local training.</summary>
    [Range(1e-6, 10.0, ErrorMessage = "Learning:LearningRate must be between {1} and {2}")]
    public double LearningRate { get; set; } = 0.02;

    /// <summary>SGD momentum of local training.</summary>
    [Range(0.0, 0.999, ErrorMessage = "Learning:Momentum must be between {1} and {2}")]
    public double Momentum { get; set; } = 0.9;

    /// <summary>Local epochs of conditional-generator training per pre-training step.</summary>
    [Range(1, 100, ErrorMessage = "Learning:GeneratorEpochs must be between {1} and {2}")]
    public int GeneratorEpochs { get; set; } = 1;

    /// <summary>Real samples each organization trains the generator on per pre-training step (0: all; the generator costs ~20× a LeNet-5 step).</summary>
    [Range(0, 60_000, ErrorMessage = "Learning:GeneratorSamples must be between {1} and {2} (0 = all)")]
    public int GeneratorSamples { get; set; } = 1000;

    /// <summary>
    /// Threads each model's kernels use (0: every core). 1 keeps training bit-for-bit reproducible (with
    /// several threads the engine's convolution weight gradients are summed in scheduling order), which a
    /// resumed run needs to end with the same model; organizations then train side by side instead
    /// (Protocol:MaxParallelOrganizations).
    /// </summary>
    [Range(0, 64, ErrorMessage = "Learning:Threads must be between {1} and {2} (0 = every core)")]
    public int Threads { get; set; } = 1;

    /// <summary>Learning rate of the conditional generator (Adam).</summary>
    [Range(1e-6, 1.0, ErrorMessage = "Learning:GeneratorLearningRate must be between {1} and {2}")]
    public double GeneratorLearningRate { get; set; } = 1e-3;

    /// <summary>The names <see cref="Adversaries"/> accepts, and what they mean.</summary>
    public static IReadOnlyDictionary<string, SimulatedAdversary> AdversaryNames { get; } = new Dictionary<string, SimulatedAdversary>(StringComparer.Ordinal)
    {
        ["free-rider"] = SimulatedAdversary.FreeRider,
        ["noisy"] = SimulatedAdversary.Noisy,
        ["label-flip"] = SimulatedAdversary.LabelFlip,
    };

    /// <summary>How organization <paramref name="id"/> behaves (names checked by the validator).</summary>
    public SimulatedAdversary AdversaryOf(string id) =>
        Adversaries.TryGetValue(id, out var name) && AdversaryNames.TryGetValue(name, out var adversary) ? adversary : SimulatedAdversary.None;

    /// <summary>The corpus <see cref="Corpus"/> names.</summary>
    public ImageCorpus ResolvedCorpus() => ImageCorpus.Parse(Corpus);

    /// <summary>The model <see cref="Model"/> names.</summary>
    public ClassifierModel ResolvedModel() => ClassifierModel.Parse(Model);

    /// <summary><see cref="Dataset"/>, or the corpus's default location when it is empty.</summary>
    public string DatasetLocation() => Dataset.Length > 0 ? Dataset : ResolvedCorpus().DefaultLocation;

    /// <summary><see cref="DecodeCache"/>, or the default cache folder when it is empty.</summary>
    public string DecodeCacheDirectory() => DecodeCache.Length > 0 ? DecodeCache : Cifar10.DefaultCacheDirectory();
    /// <summary>
    /// Where this process trains: "native" (the project's engine) or "torch" (TorchSharp, where the build has it).
    /// Organizations of one federation may differ; weights are exchanged under the same names either way.
    /// </summary>
    [Required(ErrorMessage = "Learning:Backend is required")]
    public string Backend { get; set; } = "native";

    /// <summary>"cpu", or "cuda" on the torch backend with a CUDA LibTorch.</summary>
    [Required(ErrorMessage = "Learning:Device is required")]
    public string Device { get; set; } = "cpu";
}
