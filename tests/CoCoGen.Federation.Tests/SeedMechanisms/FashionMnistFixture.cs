using CoCoGen.Learning.Data;

namespace CoCoGen.Federation.Tests.SeedMechanisms;

/// <summary>The real Fashion-MNIST splits, loaded once for the seed-mechanism tests.</summary>
public sealed class FashionMnistFixture
{
    /// <summary>The 60 000 training images.</summary>
    public ByteImageDataset Train { get; } = FashionMnist.LoadTrain();

    /// <summary>The 10 000 test images.</summary>
    public ByteImageDataset Test { get; } = FashionMnist.LoadTest();
}

/// <summary>Shares one <see cref="FashionMnistFixture"/> between the seed-mechanism test classes.</summary>
[CollectionDefinition(Name)]
public sealed class FashionMnistGroup : ICollectionFixture<FashionMnistFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Fashion-MNIST";
}
