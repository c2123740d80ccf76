namespace CoCoGen.Federation.Records;

/// <summary>What became of an organization's update in a round.</summary>
public enum UpdateOutcome
{
    /// <summary>Screened and averaged into the global model.</summary>
    Accepted,

    /// <summary>Did not arrive before the straggler timeout; settled at x = 0.</summary>
    Straggler,

    /// <summary>Arrived but failed the screen (non-finite, exploding); settled at x = 0.</summary>
    Rejected,
}
