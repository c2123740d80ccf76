namespace CoCoGen.EndToEnd.Tests;

/// <summary>
/// The distributed shape spread over a <see cref="VirtualNetwork"/>: the Hardhat node, the coordinator and each
/// organization run as separate processes, each on a host (network namespace) of its own, and reach each other only
/// over the virtual bridge. Disposing stops every process, then deletes the network.
/// </summary>
internal sealed class NamespacedFederation : IAsyncDisposable
{
    private const int CoordinatorPort = 5080;
    private readonly List<CocogenProcess> _processes = [];
    private VirtualNetwork? _network;
    private HostedHardhatNode? _chain;

    private NamespacedFederation(string repositoryRoot, string work)
    {
        RepositoryRoot = repositoryRoot;
        Work = work;
    }

    public string RepositoryRoot { get; }

    public string Work { get; }

    public string RunDirectory => Path.Combine(Work, "run");

    public VirtualNetwork Network => _network!;

    public HostedHardhatNode Chain => _chain!;

    public CocogenProcess Coordinator { get; private set; } = null!;

    public IReadOnlyList<CocogenProcess> Organizations => _processes.Skip(1).ToArray();

    public IReadOnlyList<VirtualHost> OrganizationHosts { get; private set; } = [];

    /// <summary>When the network, the chain and the keystores were ready and the federation's processes started.</summary>
    public DateTime Started { get; private set; }

    /// <summary>
    /// Makes the network (chain, coordinator, org1 … orgN hosts), starts the chain, makes and funds one keystore per
    /// party, writes the tiny configuration with their roster, and starts the coordinator and every organization.
    /// </summary>
    public static async Task<NamespacedFederation> StartAsync(string repositoryRoot, string work, int organizations, int rounds, double stragglerTimeoutSeconds)
    {
        var federation = new NamespacedFederation(repositoryRoot, work);
        try
        {
            await federation.StartAsync(organizations, rounds, stragglerTimeoutSeconds);
            return federation;
        }
        catch
        {
            await federation.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(int organizations, int rounds, double stragglerTimeoutSeconds)
    {
        _network = VirtualNetwork.Create();
        var chainHost = _network.AddHost("chain");
        var coordinatorHost = _network.AddHost("coord");
        OrganizationHosts = Enumerable.Range(1, organizations).Select(i => _network.AddHost($"org{i}")).ToArray();
        // The node starts while the keystores are made (neither needs the other until funding).
        var chain = HostedHardhatNode.StartAsync(RepositoryRoot, chainHost, TimeSpan.FromMinutes(2));
        string[] parties = ["coordinator", .. Enumerable.Range(1, organizations).Select(i => $"org{i}")];
        var keys = PartyKeystores.CreateAsync(RepositoryRoot, EndpointOf(chain), Work, parties);
        try
        {
            await Task.WhenAll(chain, keys);
        }
        finally
        {
            _chain = chain.IsCompletedSuccessfully ? chain.Result : null;
        }

        Started = DateTime.UtcNow;
        var config = RunFiles.WriteDistributedConfiguration(Work, Path.Combine(RepositoryRoot, "calibration"), stragglerTimeoutSeconds, keys.Result, organizations);
        var coordinatorUrl = $"http://{coordinatorHost.Address}:{CoordinatorPort}";
        string[] shared = ["--config", config, "--rpc-url", _chain!.Endpoint.ToString(), "--organizations", $"{organizations}", "--rounds", $"{rounds}"];
        Coordinator = CocogenProcess.On(coordinatorHost, RepositoryRoot, PartyKeystores.NoSharedSecrets,
            ["coordinator", "--urls", coordinatorUrl, "--out", RunDirectory, "--verbose", .. shared, .. keys.Result.Of("coordinator")]);
        _processes.Add(Coordinator);
        foreach (var host in OrganizationHosts)
        {
            _processes.Add(CocogenProcess.On(host, RepositoryRoot, PartyKeystores.NoSharedSecrets,
                ["org", "--id", host.Name, "--coordinator", coordinatorUrl, "--verbose", .. shared, .. keys.Result.Of(host.Name)]));
        }
    }

    private static async Task<Uri> EndpointOf(Task<HostedHardhatNode> chain) => (await chain).Endpoint;

    /// <summary>Everything every process printed, for failure messages.</summary>
    public string Transcript() => string.Join("\n", _processes.Select((p, i) => $"===== {(i == 0 ? "coordinator" : $"org{i}")} =====\n{p.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        if (_chain is not null)
        {
            await _chain.DisposeAsync();
        }

        _network?.Dispose();
    }
}
