using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CoCoGen.Federation.Adapters.Guidance;

/// <summary>Checks of <see cref="MechanismOptions"/> beyond ranges: a known rule and an existing calibration.</summary>
public sealed class MechanismOptionsValidator : IValidateOptions<MechanismOptions>
{
    /// <summary>The decision rules a run can use.</summary>
    public static readonly IReadOnlyList<string> Rules = ["cocogen+", "vcfl", "wco", "wdg", "radg", "madg", "mshap"];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MechanismOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Rules.Contains(options.Rule, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"Mechanism:Rule: '{options.Rule}' is not one of {string.Join(", ", Rules)}");
        }

        if (!File.Exists(options.Calibration)
            && !(Directory.Exists(options.Calibration) && Directory.EnumerateFiles(options.Calibration, "*.json").Any()))
        {
            failures.Add($"Mechanism:Calibration: '{options.Calibration}' is neither a calibration file nor a directory holding one (write one with cocogen fit-scaling)");
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options.Economics, new(options.Economics), results, validateAllProperties: true);
        foreach (var (id, economics) in options.Economics.Organizations)
        {
            var own = new List<ValidationResult>();
            Validator.TryValidateObject(economics, new(economics), own, validateAllProperties: true);
            results.AddRange(own.Select(r => new ValidationResult(r.ErrorMessage?.Replace("Organizations:*:", $"Organizations:{id}:", StringComparison.Ordinal))));
        }

        failures.AddRange(results.Select(r => r.ErrorMessage ?? "Mechanism:Economics: invalid value"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
