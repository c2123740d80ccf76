namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>The command-line options a study takes beyond its JSON input (combinable).</summary>
[Flags]
public enum StudyOptionSet
{
    /// <summary>--csv and --charts for tables and SVG charts.</summary>
    Sweep = 1,

    /// <summary>--train, --data-dir and --seed for real training.</summary>
    Training = 2,
}
