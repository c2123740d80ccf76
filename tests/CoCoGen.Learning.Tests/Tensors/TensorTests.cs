using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Tensors;

public class TensorTests
{
    [Fact]
    public void Shape_and_strides_are_row_major()
    {
        var t = new Tensor(2, 3, 4, 5);
        Assert.Equal(120, t.Length);
        Assert.Equal([60, 20, 5, 1], t.Strides.ToArray());
        t[1, 2, 3, 4] = 7;
        Assert.Equal(7, t[119]);
        t[0, 1, 0, 2] = 3;
        Assert.Equal(3, t[22]);
    }

    [Fact]
    public void Reshape_shares_storage()
    {
        var t = new Tensor(2, 6);
        Tensor v = t.Reshape(3, 4);
        v[2, 3] = 5;
        Assert.Equal(5, t[1, 5]);
        Assert.Throws<ArgumentException>(() => t.Reshape(5, 2));
    }

    [Fact]
    public void Construction_rejects_bad_shapes_and_lengths()
    {
        Assert.Throws<ArgumentException>(() => new Tensor(2, -1));
        Assert.Throws<ArgumentException>(() => new Tensor(new float[5], 2, 3));
        Assert.Throws<ArgumentException>(() => Tensor.FromValues([1f, 2f], 3));
    }

    [Fact]
    public void Reuse_keeps_a_buffer_of_the_same_shape_and_replaces_others()
    {
        Tensor? buffer = null;
        Tensor first = Tensor.Reuse(ref buffer, 2, 3);
        Assert.Same(first, Tensor.Reuse(ref buffer, 2, 3));
        Tensor other = Tensor.Reuse(ref buffer, 3, 2);
        Assert.NotSame(first, other);
        Assert.Equal([3, 2], other.Shape.ToArray());
    }

    [Fact]
    public void Clone_is_deep_and_CopyFrom_checks_length()
    {
        var t = Tensor.FromValues([1f, 2f, 3f], 3);
        Tensor c = t.Clone();
        c[0] = 9;
        Assert.Equal(1, t[0]);
        Assert.Throws<ArgumentException>(() => t.CopyFrom(new Tensor(4)));
    }
}
