using CoCoGen.Chain.Hosting;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>One real Hardhat node for the end-to-end tests (each test deploys its own contract on it).</summary>
public sealed class ChainFixture : IAsyncLifetime
{
    public HardhatNode Node { get; private set; } = null!;

    public string RepositoryRoot { get; } = CoCoGen.Chain.Hosting.RepositoryRoot.Find();

    public string RpcUrl => Node.Endpoint.ToString();

    public async Task InitializeAsync() => Node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);

    public async Task DisposeAsync() => await Node.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ChainGroup : ICollectionFixture<ChainFixture>
{
    public const string Name = "Hardhat node";
}
