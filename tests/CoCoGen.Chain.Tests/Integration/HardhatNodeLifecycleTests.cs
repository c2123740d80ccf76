using System.Diagnostics;
using CoCoGen.Chain.Hosting;
using CoCoGen.Chain.Rpc;
using Nethereum.JsonRpc.Client;

namespace CoCoGen.Chain.Tests.Integration;

[Collection(HardhatNodeGroup.Name)]
public sealed class HardhatNodeLifecycleTests
{
    [Fact]
    public async Task Dispose_stops_the_node_process_tree()
    {
        var node = await HardhatNode.StartAsync(new HardhatNodeOptions(), null, CancellationToken.None);
        var processId = node.ProcessId;
        var options = new ChainEndpointOptions { MaxAttempts = 1, CallTimeout = TimeSpan.FromSeconds(2) };
        using (var endpoint = await ChainEndpoint.ConnectAsync(node.Endpoint, 31337, options, null, CancellationToken.None))
        {
            Assert.Equal(31337, endpoint.ChainId);
        }

        await node.DisposeAsync();

        Assert.ThrowsAny<ArgumentException>(() => Process.GetProcessById(processId));
        await Assert.ThrowsAsync<RpcClientUnknownException>(() => ChainEndpoint.ConnectAsync(node.Endpoint, 31337, options, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_node_that_cannot_bind_its_port_is_reported_with_its_output()
    {
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((System.Net.IPEndPoint)occupant.LocalEndpoint).Port;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HardhatNode.StartAsync(new HardhatNodeOptions { Port = port, StartupTimeout = TimeSpan.FromSeconds(60) }, null, CancellationToken.None));
        Assert.Contains("exited", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_hardhat_launcher_is_reported_with_the_setup_step()
    {
        var empty = Directory.CreateTempSubdirectory("cocogen-no-hardhat");
        try
        {
            var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => HardhatNode.StartAsync(new HardhatNodeOptions { RepositoryRoot = empty.FullName }, null, CancellationToken.None));
            Assert.Contains("hardhat/setup.sh", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
