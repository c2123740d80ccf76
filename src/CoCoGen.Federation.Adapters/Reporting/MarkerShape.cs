namespace CoCoGen.Federation.Adapters.Reporting;

/// <summary>The shape drawn at each point of a series.</summary>
public enum MarkerShape
{
    /// <summary>A filled circle.</summary>
    Circle,

    /// <summary>A filled square.</summary>
    Square,

    /// <summary>A filled triangle pointing up.</summary>
    TriangleUp,

    /// <summary>A filled diamond.</summary>
    Diamond,

    /// <summary>A filled triangle pointing down.</summary>
    TriangleDown,

    /// <summary>An upright cross (+).</summary>
    Plus,

    /// <summary>A diagonal cross (×).</summary>
    Cross,
}
