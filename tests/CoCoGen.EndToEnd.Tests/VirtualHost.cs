namespace CoCoGen.EndToEnd.Tests;

/// <summary>One host of a <see cref="VirtualNetwork"/>: its namespace, its address, and its port on the bridge (the cable a test can pull).</summary>
internal sealed record VirtualHost(string Name, string Namespace, string Address, string BridgePort);
