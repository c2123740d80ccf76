namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>The command-line options a study takes beyond its JSON input.</summary>
public enum StudyOptionSet
{
    /// <summary>--csv and --charts for a parameter sweep.</summary>
    Sweep,

    /// <summary>--train, --data-dir and --seed for real training.</summary>
    Training,
}
