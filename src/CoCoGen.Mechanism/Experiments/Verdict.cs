namespace CoCoGen.Mechanism.Experiments;

/// <summary>What a 95 % interval says about a claim.</summary>
public enum Verdict
{
    /// <summary>The interval excludes the opposite of the claim.</summary>
    Holds,

    /// <summary>The interval contains both the claim and its opposite.</summary>
    Inconclusive,

    /// <summary>The interval excludes the claim.</summary>
    Contradicted,
}
