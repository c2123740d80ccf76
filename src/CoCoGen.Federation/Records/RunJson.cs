using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoCoGen.Federation.Records;

/// <summary>The JSON settings of every file in a run directory.</summary>
public static class RunJson
{
    /// <summary>camelCase, enums as strings, big integers as strings, unknown fields rejected.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>As <see cref="Options"/>, indented for files people read.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new BigIntegerStringConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
