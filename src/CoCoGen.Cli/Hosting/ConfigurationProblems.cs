using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace CoCoGen.Cli.Hosting;

/// <summary>
/// Finds what is wrong with a configuration before anything binds it, naming each key as the user wrote it
/// (<c>Protocol:Roundz</c>, never a .NET type): unknown sections, unknown keys, and values that do not convert.
/// </summary>
internal static class ConfigurationProblems
{
    /// <summary>One line per problem of <paramref name="configuration"/> against <paramref name="sections"/> (name → options type).</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration, IReadOnlyDictionary<string, Type> sections, IReadOnlyCollection<string> passThrough)
    {
        var problems = new List<string>();
        foreach (var section in configuration.GetChildren())
        {
            if (passThrough.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var type = sections.FirstOrDefault(s => string.Equals(s.Key, section.Key, StringComparison.OrdinalIgnoreCase)).Value;
            if (type is null)
            {
                problems.Add($"{section.Key}: unknown section; the sections are {string.Join(", ", sections.Keys.Concat(passThrough))}");
                continue;
            }

            Inspect(section, type, problems);
        }

        return problems;
    }

    private static void Inspect(IConfigurationSection section, Type type, List<string> problems)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
        if (section.Value is not null && section.GetChildren().Any() is false && properties.Length > 0)
        {
            problems.Add($"{section.Path}: expected a section with {string.Join(", ", properties.Select(p => p.Name))}, got the value '{section.Value}'");
            return;
        }

        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                problems.Add($"{child.Path}: unknown setting; {section.Path} has {string.Join(", ", properties.Select(p => p.Name))}");
                continue;
            }

            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (child.Value is { } value)
            {
                if (!Converts(value, target))
                {
                    problems.Add($"{child.Path}: '{value}' is not {Describe(target)}");
                }
            }
            else if (target != typeof(string) && !target.IsPrimitive && target.IsClass && !typeof(System.Collections.IEnumerable).IsAssignableFrom(target))
            {
                Inspect(child, target, problems);
            }
        }
    }

    private static bool Converts(string value, Type target)
    {
        if (target == typeof(string))
        {
            return true;
        }

        try
        {
            return TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value) is not null;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type target) => target switch
    {
        _ when target == typeof(int) || target == typeof(long) => "an integer",
        _ when target == typeof(double) || target == typeof(decimal) || target == typeof(float) => "a number",
        _ when target == typeof(bool) => "true or false",
        _ when target.IsEnum => "one of " + string.Join(", ", Enum.GetNames(target)),
        _ => string.Create(CultureInfo.InvariantCulture, $"a {target.Name}"),
    };
}
