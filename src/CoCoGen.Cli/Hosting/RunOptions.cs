using System.ComponentModel.DataAnnotations;

namespace CoCoGen.Cli.Hosting;

/// <summary>Where a run writes (configuration section <c>Run</c>).</summary>
public sealed class RunOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Run";

    /// <summary>Run directory.</summary>
    [Required(ErrorMessage = "Run:Out is required")]
    public string Out { get; set; } = "runs/latest";

    /// <summary>Continue the run in <see cref="Out"/> from its checkpoint.</summary>
    public bool Resume { get; set; }
}
