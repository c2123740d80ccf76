using CoCoGen.Learning.Data;

namespace CoCoGen.Learning.Tests.Data;

public sealed class DirichletPartitionerTests
{
    // 10 classes of 600 samples each, interleaved.
    private static readonly int[] Labels = Enumerable.Range(0, 6_000).Select(i => i % 10).ToArray();

    [Theory]
    [InlineData(0.1, 5)]
    [InlineData(1.0, 10)]
    [InlineData(100.0, 3)]
    public void Every_sample_is_assigned_exactly_once(double alpha, int organizations)
    {
        var partition = DirichletPartitioner.Partition(Labels, 10, organizations, alpha, seed: 42);

        var all = Enumerable.Range(0, organizations).SelectMany(partition.Indices).ToArray();
        Assert.Equal(Labels.Length, all.Length);
        Assert.Equal(Enumerable.Range(0, Labels.Length), all.Order());
        for (int org = 0; org < organizations; org++)
        {
            Assert.Equal(partition.Size(org), partition.ClassHistogram(org).Sum());
            var expected = new int[10];
            foreach (int i in partition.Indices(org))
            {
                expected[Labels[i]]++;
            }

            Assert.Equal(expected, partition.ClassHistogram(org));
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_partition_and_another_seed_a_different_one()
    {
        var a = DirichletPartitioner.Partition(Labels, 10, 4, 0.5, seed: 7);
        var b = DirichletPartitioner.Partition(Labels, 10, 4, 0.5, seed: 7);
        var c = DirichletPartitioner.Partition(Labels, 10, 4, 0.5, seed: 8);

        for (int org = 0; org < 4; org++)
        {
            Assert.Equal(a.Indices(org), b.Indices(org));
        }

        Assert.Contains(Enumerable.Range(0, 4), org => !a.Indices(org).SequenceEqual(c.Indices(org)));
    }

    [Fact]
    public void Small_alpha_skews_class_mixes_and_large_alpha_makes_them_near_uniform()
    {
        double skewed = MeanLargestClassShare(DirichletPartitioner.Partition(Labels, 10, 10, 0.05, seed: 1));
        double uniform = MeanLargestClassShare(DirichletPartitioner.Partition(Labels, 10, 10, 1000.0, seed: 1));

        // Uniform mixes put 10% of an organization's data in its largest class.
        Assert.True(skewed > 0.5, $"α = 0.05: mean largest-class share {skewed:F3}");
        Assert.InRange(uniform, 0.1, 0.13);
    }

    [Fact]
    public void Minimum_per_organization_is_honoured()
    {
        var partition = DirichletPartitioner.Partition(Labels, 10, 20, 0.1, seed: 3, minimumPerOrganization: 50);

        Assert.All(Enumerable.Range(0, 20), org => Assert.True(partition.Size(org) >= 50));
    }

    [Fact]
    public void Impossible_minimum_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => DirichletPartitioner.Partition(Labels, 10, 7, 1.0, seed: 3, minimumPerOrganization: 1_000));

        Assert.Contains("7 organizations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_outside_the_classes_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => DirichletPartitioner.Partition([0, 1, 5], 3, 2, 1.0, seed: 1));

        Assert.Contains("sample 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subset_views_the_organization_samples()
    {
        var pixels = new byte[40 * 4];
        var labels = Enumerable.Range(0, 40).Select(i => (byte)(i % 4)).ToArray();
        var dataset = new ByteImageDataset(pixels, labels, 1, 2, 2, 4);
        var partition = DirichletPartitioner.Partition(dataset, 3, 0.3, seed: 9);

        var subset = partition.Subset(dataset, 1);

        Assert.Equal(partition.Size(1), subset.Count);
        Assert.Equal(partition.ClassHistogram(1), subset.ClassHistogram());
    }

    private static double MeanLargestClassShare(DataPartition partition) =>
        Enumerable.Range(0, partition.OrganizationCount)
            .Where(org => partition.Size(org) > 0)
            .Average(org => (double)partition.ClassHistogram(org).Max() / partition.Size(org));
}
