using Microsoft.Extensions.Options;

namespace CoCoGen.Cli.Hosting;

/// <summary>Turns option failures into lines a user can act on, each naming the setting.</summary>
public static class OptionsErrors
{
    /// <summary>The readable failures inside <paramref name="exception"/>, or null when it is not a configuration error.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            OptionsValidationException validation => validation.Failures
                .Select(f => f.StartsWith("DataAnnotation validation failed", StringComparison.Ordinal) ? DataAnnotationMessage(f) : f)
                .ToArray(),
            AggregateException aggregate => aggregate.InnerExceptions.Select(Describe).Where(d => d is not null).SelectMany(d => d!).ToArray(),
            InvalidOperationException invalid when invalid.Message.Contains("ErrorOnUnknownConfiguration", StringComparison.Ordinal)
                => [$"unknown setting: {invalid.Message[(invalid.Message.IndexOf("the following", StringComparison.Ordinal) + 4)..]}"],
            InvalidOperationException invalid when invalid.Message.Contains("Failed to convert configuration value", StringComparison.Ordinal)
                => [invalid.Message],
            _ => null,
        };
    }

    // "DataAnnotation validation failed for 'X' members: 'Rounds' with the error: 'Protocol:Rounds must be ...'." → the error text.
    private static string DataAnnotationMessage(string failure)
    {
        const string marker = "with the error: '";
        var start = failure.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? failure : failure[(start + marker.Length)..].TrimEnd('.', '\'');
    }
}
