namespace CoCoGen.Chain.Hosting;

/// <summary>Where and how the local chain that outlives a run (anvil with a state file) is kept.</summary>
public sealed class LocalChainOptions
{
    /// <summary>The folder holding the chain's state, its log and its <c>chain.json</c> descriptor.</summary>
    public required string Directory { get; init; }

    /// <summary>The anvil executable; null: tools/anvil under the repository root, else <c>anvil</c> on the PATH.</summary>
    public string? Anvil { get; init; }

    /// <summary>Loopback port of the JSON-RPC endpoint.</summary>
    public int Port { get; init; } = 8545;

    /// <summary>Chain id the node serves.</summary>
    public long ChainId { get; init; } = 31337;

    /// <summary>Funded development accounts (the coordinator and up to 64 organizations need 65).</summary>
    public int Accounts { get; init; } = 70;

    /// <summary>How long to wait for a started node to answer.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The default folder: $XDG_STATE_HOME/cocogen/chain, else ~/.local/state/cocogen/chain.</summary>
    public static string DefaultDirectory()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrWhiteSpace(state))
        {
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }

        return Path.Combine(state, "cocogen", "chain");
    }
}
