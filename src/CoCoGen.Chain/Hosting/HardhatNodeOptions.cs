namespace CoCoGen.Chain.Hosting;

/// <summary>Where the Hardhat project is and how to start its local node.</summary>
public sealed class HardhatNodeOptions
{
    /// <summary>Repository root holding hardhat/bin/hardhat; null finds it by walking up from the application base to CoCoGen.Chain.sln.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>How long the node may take to answer eth_chainId.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The chain id Hardhat's node serves.</summary>
    public long ChainId { get; set; } = 31337;
}
