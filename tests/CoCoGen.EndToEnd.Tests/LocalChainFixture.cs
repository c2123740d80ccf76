using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// A local chain made with the real `cocogen chain up` in a folder of its own on a free port, shared by the tests
/// of one collection and taken down with `cocogen chain down`.
/// </summary>
public sealed class LocalChainFixture : IAsyncLifetime
{
    public string RepositoryRoot { get; } = CoCoGen.Chain.Hosting.RepositoryRoot.Find();

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "cocogen-chain-" + Guid.NewGuid().ToString("N"));

    public int Port { get; } = FreePort();

    public string RpcUrl => $"http://127.0.0.1:{Port}/";

    /// <summary>The anvil process recorded in the chain's folder.</summary>
    public int ProcessId => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "chain.json"))).RootElement.GetProperty("processId").GetInt32();

    public string[] ChainArguments => ["--chain-dir", Directory, "--chain-port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public async Task InitializeAsync()
    {
        using var up = new CocogenProcess(RepositoryRoot, "chain", "up", "--dir", Directory, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await up.ExitCodeAsync(TimeSpan.FromMinutes(1)) == 0, up.Output);
    }

    public async Task DisposeAsync()
    {
        using var down = new CocogenProcess(RepositoryRoot, "chain", "down", "--dir", Directory, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await down.ExitCodeAsync(TimeSpan.FromMinutes(1));
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class LocalChainGroup : ICollectionFixture<LocalChainFixture>
{
    public const string Name = "Local chain";
}
