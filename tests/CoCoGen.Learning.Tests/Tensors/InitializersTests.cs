using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Tensors;

public class InitializersTests
{
    [Fact]
    public void Fan_in_and_out_follow_the_weight_layout()
    {
        var w = new Tensor(16, 6, 5, 5);
        Assert.Equal(150, Initializers.FanIn(w));
        Assert.Equal(400, Initializers.FanOut(w));
    }

    [Fact]
    public void Kaiming_normal_has_variance_two_over_fan_in()
    {
        var w = new Tensor(256, 400);
        Initializers.KaimingNormal(w, 400, new RandomSource(1));
        (double mean, double variance) = Moments(w);
        Assert.Equal(0, mean, 3);
        Assert.Equal(2.0 / 400, variance, 4);
    }

    [Fact]
    public void Kaiming_uniform_with_sqrt5_is_bounded_by_one_over_sqrt_fan_in()
    {
        var w = new Tensor(128, 100);
        Initializers.KaimingUniform(w, 100, new RandomSource(2), Math.Sqrt(5));
        Assert.All(w.Storage, v => Assert.InRange(v, -0.1f, 0.1f));
        (_, double variance) = Moments(w);
        Assert.Equal(0.01 / 3, variance, 4);
    }

    [Fact]
    public void Xavier_uniform_and_normal_have_variance_two_over_fan_sum()
    {
        var u = new Tensor(300, 200);
        var n = new Tensor(300, 200);
        Initializers.XavierUniform(u, 200, 300, new RandomSource(3));
        Initializers.XavierNormal(n, 200, 300, new RandomSource(4));
        Assert.Equal(2.0 / 500, Moments(u).Variance, 4);
        Assert.Equal(2.0 / 500, Moments(n).Variance, 4);
        float bound = MathF.Sqrt(6f / 500);
        Assert.All(u.Storage, v => Assert.InRange(v, -bound, bound));
    }

    private static (double Mean, double Variance) Moments(Tensor t)
    {
        double mean = t.Storage.Average(v => (double)v);
        double variance = t.Storage.Average(v => (v - mean) * (v - mean));
        return (mean, variance);
    }
}
