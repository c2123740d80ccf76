namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>Why an organization process stopped before the run ended, for its exit code.</summary>
public sealed class OrganizationOutcome
{
    /// <summary>A disagreement with the coordinator or the roster (bad input: exit 2), one line.</summary>
    public string? Refusal { get; set; }

    /// <summary>The coordinator stayed unreachable past the reconnect timeout (exit 1).</summary>
    public string? Failure { get; set; }
}
