namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>
/// One seed paper's mechanism as an application service: it reads and validates its own JSON input (fields,
/// defaults, ranges), runs the mechanism, and returns the result object; the command line only moves files.
/// </summary>
public interface ISeedStudy
{
    /// <summary>Sub-command name (tradefl, mshap, dfcl).</summary>
    string Name { get; }

    /// <summary>One-line description for the help text.</summary>
    string Description { get; }

    /// <summary>Which command-line options beyond the input apply.</summary>
    StudyOptionSet OptionSet { get; }

    /// <summary>Runs the study on the input file's root object <paramref name="root"/>; throws <see cref="StudyInputException"/> naming the field on bad input.</summary>
    object Run(StudyInput root, StudyOptions options);
}
