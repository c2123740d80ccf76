using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// A private network of Linux network namespaces made with `ip netns` for one test: a bridge in a namespace of its
/// own, one namespace per host joined to it by a veth pair, and a veth from the test's own namespace so the test
/// can reach the hosts (to fund keystores, to audit). Names and the 10.x.y.0/24 subnet are fresh per instance;
/// <see cref="Dispose"/> deletes every namespace and link it made, also after a failure halfway through.
/// </summary>
internal sealed class VirtualNetwork : IDisposable
{
    private const string Bridge = "br0";
    private readonly string _prefix = "cg" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly List<string> _namespaces = [];
    private readonly List<VirtualHost> _hosts = [];
    private readonly string _subnet;

    private VirtualNetwork(string subnet) => _subnet = subnet;

    /// <summary>The test's own address on the network (the root namespace's end of its link).</summary>
    public string TestAddress => _subnet + "254";

    private string Hub => _prefix + "-hub";

    private string RootLink => _prefix + "r";

    /// <summary>Makes the bridge and the test's link; fails, naming the missing capability, when namespaces cannot be made.</summary>
    public static VirtualNetwork Create()
    {
        var network = new VirtualNetwork(FreeSubnet());
        try
        {
            network.Ip("netns", "add", network.Hub);
            network._namespaces.Add(network.Hub);
            network.Ip("-n", network.Hub, "link", "add", Bridge, "type", "bridge");
            network.Ip("-n", network.Hub, "link", "set", Bridge, "up");
            network.Ip("link", "add", network.RootLink, "type", "veth", "peer", "name", network._prefix + "hr", "netns", network.Hub);
            network.Ip("-n", network.Hub, "link", "set", network._prefix + "hr", "master", Bridge, "up");
            network.Ip("addr", "add", network.TestAddress + "/24", "dev", network.RootLink);
            network.Ip("link", "set", network.RootLink, "up");
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>A new host: a namespace with loopback up and one interface on the bridge at the next address.</summary>
    public VirtualHost AddHost(string name)
    {
        var index = _hosts.Count + 1;
        var host = new VirtualHost(name, $"{_prefix}-{name}", _subnet + index.ToString(CultureInfo.InvariantCulture), $"{_prefix}h{index}");
        Ip("netns", "add", host.Namespace);
        _namespaces.Add(host.Namespace);
        Ip("link", "add", host.BridgePort, "netns", Hub, "type", "veth", "peer", "name", "eth0", "netns", host.Namespace);
        Ip("-n", Hub, "link", "set", host.BridgePort, "master", Bridge, "up");
        Ip("-n", host.Namespace, "link", "set", "lo", "up");
        Ip("-n", host.Namespace, "addr", "add", host.Address + "/24", "dev", "eth0");
        Ip("-n", host.Namespace, "link", "set", "eth0", "up");
        _hosts.Add(host);
        return host;
    }

    /// <summary>Pulls <paramref name="host"/>'s cable: its bridge port goes down and nothing reaches it or leaves it.</summary>
    public void CutOff(VirtualHost host) => Ip("-n", Hub, "link", "set", host.BridgePort, "down");

    /// <summary>Plugs <paramref name="host"/>'s cable back in.</summary>
    public void Restore(VirtualHost host) => Ip("-n", Hub, "link", "set", host.BridgePort, "up");

    /// <summary>Deletes every namespace (their links go with them) and the test's link, in reverse order of creation.</summary>
    public void Dispose()
    {
        TryIp("link", "del", RootLink);
        for (var i = _namespaces.Count - 1; i >= 0; i--)
        {
            TryIp("netns", "del", _namespaces[i]);
        }

        _namespaces.Clear();
    }

    private void Ip(params string[] arguments)
    {
        var (exit, output) = Run(arguments);
        if (exit != 0)
        {
            throw new InvalidOperationException(
                $"this machine cannot make the test's network namespaces: `ip {string.Join(' ', arguments)}` exited {exit}: {output.Trim()} "
                + "(the multi-host test needs root or CAP_NET_ADMIN and iproute2's `ip netns`)");
        }
    }

    private static void TryIp(params string[] arguments) => Run(arguments);

    private static (int Exit, string Output) Run(string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"this machine cannot make the test's network namespaces: `ip` cannot be started ({ex.Message}); install iproute2", ex);
        }
    }

    // A 10.x.y.0/24 that no route of this machine touches (the prefix check is coarse: any route naming 10.x.y. counts).
    private static string FreeSubnet()
    {
        var (_, routes) = Run(["-4", "route", "show", "table", "all"]);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var bytes = RandomNumberGenerator.GetBytes(2);
            var subnet = string.Create(CultureInfo.InvariantCulture, $"10.{100 + (bytes[0] % 150)}.{bytes[1]}.");
            if (!routes.Contains(subnet, StringComparison.Ordinal))
            {
                return subnet;
            }
        }

        throw new InvalidOperationException("no free 10.x.y.0/24 subnet for the test's network");
    }
}
