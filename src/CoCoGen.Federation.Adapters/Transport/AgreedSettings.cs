using System.Text;
using System.Text.Json;
using CoCoGen.Federation.Adapters.Authentication;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The settings every process of a run must share (dataset, split seed, α, sample counts, rule, rounds, economics,
/// roster), as canonical JSON, and its keccak-256. The coordinator publishes it; an organization compares its own
/// setting by setting and names each one that differs.
/// </summary>
public sealed class AgreedSettings
{
    /// <summary>Wraps canonical JSON (one object; the caller serialises it the same way in every process).</summary>
    public AgreedSettings(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Json = json;
        Hash = SignatureRecovery.Keccak(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The canonical JSON.</summary>
    public string Json { get; }

    /// <summary>keccak-256 of the JSON's UTF-8 bytes.</summary>
    public byte[] Hash { get; }

    /// <summary>Each setting (dotted path) whose value differs from <paramref name="published"/>, with both values.</summary>
    public IReadOnlyList<string> DifferencesFrom(string published)
    {
        using var theirs = JsonDocument.Parse(published);
        using var ours = JsonDocument.Parse(Json);
        var differences = new List<string>();
        Compare(string.Empty, theirs.RootElement, ours.RootElement, differences);
        return differences;
    }

    private static void Compare(string path, JsonElement theirs, JsonElement ours, List<string> differences)
    {
        if (theirs.ValueKind == JsonValueKind.Object && ours.ValueKind == JsonValueKind.Object)
        {
            var names = theirs.EnumerateObject().Select(p => p.Name).Union(ours.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
            foreach (var name in names)
            {
                var child = path.Length == 0 ? name : path + ":" + name;
                var hasTheirs = theirs.TryGetProperty(name, out var t);
                var hasOurs = ours.TryGetProperty(name, out var o);
                if (hasTheirs && hasOurs)
                {
                    Compare(child, t, o, differences);
                }
                else
                {
                    differences.Add($"{child}: coordinator {(hasTheirs ? t.GetRawText() : "(absent)")}, this organization {(hasOurs ? o.GetRawText() : "(absent)")}");
                }
            }
        }
        else if (theirs.GetRawText() != ours.GetRawText())
        {
            differences.Add($"{path}: coordinator {theirs.GetRawText()}, this organization {ours.GetRawText()}");
        }
    }
}
