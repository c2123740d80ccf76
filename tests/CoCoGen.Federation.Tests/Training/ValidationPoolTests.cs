using CoCoGen.Federation.Adapters.Training;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Tests.Training;

/// <summary>The validation pool on the real Fashion-MNIST training set.</summary>
public sealed class ValidationPoolTests
{
    private static readonly LearningOptions Options = new() { Organizations = 5, TrainSamples = 3000, TestSamples = 200, ValidationPool = 2000 };

    [Fact]
    public void The_pool_is_set_aside_before_the_split_and_no_shard_holds_a_pool_image()
    {
        var data = ImageFederationData.Load(Options);

        Assert.Equal(2000, data.Pool.Count);
        Assert.Equal(3000, data.Train.Count);
        Assert.Equal(3000, Enumerable.Range(0, 5).Sum(i => data.Shard(i).Count));

        // Compared by content, independently of how the split tracks indices: no shard image is a pool image.
        var pool = data.Pool.Draw(new byte[32], 2000, out _);
        var poolImages = new HashSet<string>(Enumerable.Range(0, pool.Count).Select(k => Key(pool.Images.Slice(k * pool.ImageLength, pool.ImageLength))));
        var normalization = Options.ResolvedCorpus().Normalization;
        var image = new float[784];
        for (var i = 0; i < 5; i++)
        {
            var shard = data.Shard(i);
            for (var k = 0; k < shard.Count; k++)
            {
                shard.CopyImage(k, image);
                normalization.ApplyInPlace(image, 784);
                Assert.DoesNotContain(Key(image), poolImages);
            }
        }
    }

    [Fact]
    public void The_pool_and_a_seeds_subset_are_the_same_on_every_load_and_another_seed_draws_another_subset()
    {
        var a = ImageFederationData.Load(Options).Pool;
        var b = ImageFederationData.LoadCoordinator(Options).Pool;
        var seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var other = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();

        Assert.Equal(a.Hash, b.Hash);
        a.Draw(seed, 300, out var first);
        b.Draw(seed, 300, out var again);
        a.Draw(other, 300, out var different);
        Assert.Equal(first, again);
        Assert.NotEqual(first, different);
        Assert.NotEqual(a.Hash, ImageFederationData.LoadCoordinator(new LearningOptions { Organizations = 5, TrainSamples = 3000, TestSamples = 200, ValidationPool = 2000, Seed = 2 }).Pool.Hash);
    }

    [Fact]
    public void An_organization_learner_is_built_on_its_own_shard_only()
    {
        var data = ImageFederationData.Load(Options);

        var learner = new ImageOrganizationLearner(data, 3, Options);

        Assert.Equal(data.Shard(3).Count, learner.LocalSamples);
        Assert.Equal("org4", OrganizationIds.Of(3));
    }

    private static string Key(ReadOnlySpan<float> image) => Convert.ToHexString(System.Runtime.InteropServices.MemoryMarshal.AsBytes(image));
}
