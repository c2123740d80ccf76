using CoCoGen.Learning.Data;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>
/// Draws disjoint label-skewed subsets of one dataset: each draw takes a chosen fraction of its samples from a set
/// of "home" classes and the rest from the other classes, a class picked uniformly at random for every sample.
/// Every index is handed out at most once, so silos drawn from one sampler never share a sample; the draws depend
/// only on the seed and the order of the calls.
/// </summary>
public sealed class LabelSkewSampler
{
    private readonly ImageDataset _dataset;
    private readonly Queue<int>[] _byClass;
    private readonly RandomSource _random;

    /// <summary>Shuffles every class's indices with <paramref name="seed"/>.</summary>
    public LabelSkewSampler(ImageDataset dataset, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _random = new RandomSource(seed);
        var lists = Enumerable.Range(0, dataset.ClassCount).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < dataset.Count; i++)
        {
            lists[dataset.Label(i)].Add(i);
        }

        _byClass = new Queue<int>[lists.Length];
        for (int c = 0; c < lists.Length; c++)
        {
            int[] indices = [.. lists[c]];
            _random.Fork((ulong)c).Shuffle(indices.AsSpan());
            _byClass[c] = new Queue<int>(indices);
        }
    }

    /// <summary>
    /// Takes <paramref name="count"/> unused samples, ⌊<paramref name="homeFraction"/>·count⌉ of them from
    /// <paramref name="homeClasses"/> (the rest from the other classes).
    /// </summary>
    public SubsetDataset Take(int count, IReadOnlyCollection<int> homeClasses, double homeFraction) =>
        new(_dataset, Draw(count, homeClasses, homeFraction));

    /// <summary>The indices <see cref="Take"/> would wrap: unused samples, skewed towards <paramref name="homeClasses"/>.</summary>
    public int[] Draw(int count, IReadOnlyCollection<int> homeClasses, double homeFraction)
    {
        ArgumentNullException.ThrowIfNull(homeClasses);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(homeFraction >= 0 && homeFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(homeFraction), homeFraction, "homeFraction must lie in [0, 1].");
        }

        int[] home = [.. homeClasses.Distinct()];
        if (home.Any(c => c < 0 || c >= _dataset.ClassCount))
        {
            throw new ArgumentOutOfRangeException(nameof(homeClasses), $"home classes must lie in [0, {_dataset.ClassCount}).");
        }

        int[] away = [.. Enumerable.Range(0, _dataset.ClassCount).Except(home)];
        int fromHome = (int)Math.Round(homeFraction * count);
        var indices = new List<int>(count);
        DrawFrom(home, fromHome, indices);
        DrawFrom(away, count - fromHome, indices);
        int[] order = [.. indices];
        _random.Shuffle(order.AsSpan());
        return order;
    }

    private void DrawFrom(int[] classes, int count, List<int> into)
    {
        if (count > 0 && classes.Length == 0)
        {
            throw new ArgumentException($"cannot draw {count} samples from an empty class set.");
        }

        for (int k = 0; k < count; k++)
        {
            var open = classes.Where(c => _byClass[c].Count > 0).ToArray();
            if (open.Length == 0)
            {
                throw new InvalidOperationException($"the dataset has run out of samples of classes {string.Join(", ", classes)}.");
            }

            into.Add(_byClass[open[_random.NextInt(open.Length)]].Dequeue());
        }
    }
}
