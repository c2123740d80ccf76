using CoCoGen.Learning.Federated;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Tests.Federated;

public class FederatedAveragingTests
{
    private static ModelUpdate Update(string organization, long samples, params float[] values)
        => new(organization, new Dictionary<string, Tensor> { ["w"] = Tensor.FromValues(values, values.Length), ["b"] = Tensor.FromValues([values[0]], 1) }, samples);

    [Fact]
    public void Weights_by_sample_counts_by_hand()
    {
        Dictionary<string, Tensor> global = FederatedAveraging.Aggregate(
        [
            Update("A", 100, 1, 2),
            Update("B", 300, 5, 6),
        ]);
        Assert.Equal([4f, 5f], global["w"].Storage);
        Assert.Equal([4f], global["b"].Storage);
    }

    [Fact]
    public void Equal_counts_give_the_plain_mean_and_one_update_is_returned_unchanged()
    {
        Assert.Equal([2f, 3f], FederatedAveraging.Aggregate([Update("A", 7, 1, 2), Update("B", 7, 3, 4)])["w"].Storage);
        Assert.Equal([1.5f, -2f], FederatedAveraging.Aggregate([Update("A", 3, 1.5f, -2)])["w"].Storage);
    }

    [Fact]
    public void Rejects_bad_updates_naming_the_organization()
    {
        Assert.Contains("'B'", Assert.Throws<ArgumentException>(() => FederatedAveraging.Aggregate([Update("A", 1, 1, 2), Update("B", 0, 1, 2)])).Message, StringComparison.Ordinal);
        Assert.Contains("'B'", Assert.Throws<ArgumentException>(() => FederatedAveraging.Aggregate([Update("A", 1, 1, 2), Update("B", 1, 1, 2, 3)])).Message, StringComparison.Ordinal);
        var missing = new ModelUpdate("C", new Dictionary<string, Tensor> { ["w"] = new Tensor(2), ["x"] = new Tensor(1) }, 1);
        Assert.Contains("'C'", Assert.Throws<ArgumentException>(() => FederatedAveraging.Aggregate([Update("A", 1, 1, 2), missing])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FederatedAveraging.Aggregate([]));
    }
}
