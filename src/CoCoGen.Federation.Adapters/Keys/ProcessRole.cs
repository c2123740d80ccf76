namespace CoCoGen.Federation.Adapters.Keys;

/// <summary>Which process of the federation a host is, which decides the settings it must validate.</summary>
public enum ProcessRole
{
    /// <summary>`cocogen run`: everything in one process; may start its own chain.</summary>
    Run,

    /// <summary>`cocogen coordinator`: writes the run directory; needs an RPC URL.</summary>
    Coordinator,

    /// <summary>`cocogen org`: one organization; writes nothing; needs an RPC URL.</summary>
    Organization,
}
