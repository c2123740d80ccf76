using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Protocol;

namespace CoCoGen.Federation.Tests.Protocol;

public sealed class UpdateScreenTests
{
    private static readonly ModelWeights Global = new([0f, 0f, 0f, 0f]);

    [Fact]
    public void Honest_non_iid_updates_of_different_sizes_all_pass()
    {
        var verdicts = new UpdateScreen(10).Screen(Global, [new([1f, 0f, 0f, 0f]), new([0f, 3f, 0f, 0f]), new([0f, 0f, 0.5f, 0f])]);

        Assert.All(verdicts, Assert.Null);
    }

    [Fact]
    public void Each_kind_of_poison_is_rejected_with_its_own_reason()
    {
        ModelWeights honest = new([1f, 1f, 0f, 0f]);
        var verdicts = new UpdateScreen(10).Screen(Global,
        [
            honest, honest, honest,
            new([float.NaN, 0f, 0f, 0f]),
            new([float.PositiveInfinity, 0f, 0f, 0f]),
            new([100f, 100f, 0f, 0f]),
            new([1f, 1f, 0f]),
        ]);

        Assert.Null(verdicts[0]);
        Assert.Contains("NaN or infinite", verdicts[3], StringComparison.Ordinal);
        Assert.Contains("NaN or infinite", verdicts[4], StringComparison.Ordinal);
        Assert.Contains("median", verdicts[5], StringComparison.Ordinal);
        Assert.Contains("3 parameters", verdicts[6], StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_of_one_or_less_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UpdateScreen(1));
    }
}
