using System.Text.Json;

namespace CoCoGen.Federation.Adapters.SeedStudies;

/// <summary>
/// Strict reading of one JSON object of a mechanism input: every value is checked for type and finiteness, every
/// error names its path (e.g. <c>organizations[2].profitability</c>), and fields nobody asked for are rejected.
/// </summary>
public sealed class StudyInput
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <summary>Wraps an element found at <paramref name="path"/>.</summary>
    public StudyInput(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StudyInputException($"{Describe(path)}: expected a JSON object.");
        }

        _element = element;
        Path = path;
    }

    /// <summary>Where this object sits in the input ("" for the root).</summary>
    public string Path { get; }

    /// <summary>Parses a whole file's text.</summary>
    public static StudyInput Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return new StudyInput(document.RootElement.Clone(), string.Empty);
        }
        catch (JsonException e)
        {
            throw new StudyInputException($"input: not valid JSON ({e.Message}).", e);
        }
    }

    /// <summary>Whether the field is present (and not null).</summary>
    public bool Has(string name) => _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>A required finite number.</summary>
    public double Number(string name) => ToNumber(Required(name), Child(name));

    /// <summary>An optional finite number.</summary>
    public double Number(string name, double fallback) => Has(name) ? Number(name) : Mark(name, fallback);

    /// <summary>An optional integer.</summary>
    public int WholeNumber(string name, int fallback)
    {
        if (!Has(name))
        {
            return Mark(name, fallback);
        }

        var v = Required(name);
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int value))
        {
            throw new StudyInputException($"{Child(name)}: expected an integer.");
        }

        return value;
    }

    /// <summary>An optional integer that may be absent (null).</summary>
    public int? OptionalWholeNumber(string name) => Has(name) ? WholeNumber(name, 0) : Mark<int?>(name, null);

    /// <summary>A required string.</summary>
    public string Text(string name)
    {
        var v = Required(name);
        if (v.ValueKind != JsonValueKind.String)
        {
            throw new StudyInputException($"{Child(name)}: expected a string.");
        }

        return v.GetString()!;
    }

    /// <summary>An optional string.</summary>
    public string Text(string name, string fallback) => Has(name) ? Text(name) : Mark(name, fallback);

    /// <summary>A required nested object.</summary>
    public StudyInput Section(string name) => new(Required(name), Child(name));

    /// <summary>A required array of objects.</summary>
    public IReadOnlyList<StudyInput> Sections(string name) =>
        Items(name).Select((e, i) => new StudyInput(e, $"{Child(name)}[{i}]")).ToArray();

    /// <summary>A required array of finite numbers.</summary>
    public double[] Numbers(string name) =>
        Items(name).Select((e, i) => ToNumber(e, $"{Child(name)}[{i}]")).ToArray();

    /// <summary>An optional array of finite numbers.</summary>
    public double[]? OptionalNumbers(string name) => Has(name) ? Numbers(name) : Mark<double[]?>(name, null);

    /// <summary>A required array of strings.</summary>
    public string[] Strings(string name) =>
        Items(name).Select((e, i) => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new StudyInputException($"{Child(name)}[{i}]: expected a string.")).ToArray();

    /// <summary>A required rectangular matrix of finite numbers.</summary>
    public double[,] Matrix(string name, int? size = null)
    {
        var rows = Items(name);
        int n = size ?? rows.Count;
        if (rows.Count != n)
        {
            throw new StudyInputException($"{Child(name)}: expected {n} rows, got {rows.Count}.");
        }

        var matrix = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            string rowPath = $"{Child(name)}[{i}]";
            if (rows[i].ValueKind != JsonValueKind.Array || rows[i].GetArrayLength() != n)
            {
                throw new StudyInputException($"{rowPath}: expected an array of {n} numbers.");
            }

            int j = 0;
            foreach (var cell in rows[i].EnumerateArray())
            {
                matrix[i, j] = ToNumber(cell, $"{rowPath}[{j}]");
                j++;
            }
        }

        return matrix;
    }

    /// <summary>Throws if the object has a field that was never read.</summary>
    public void RejectUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                throw new StudyInputException($"{Child(property.Name)}: unknown field.");
            }
        }
    }

    /// <summary>The path of a child field, for messages.</summary>
    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private static string Describe(string path) => path.Length == 0 ? "input" : path;

    private static double ToNumber(JsonElement v, string path)
    {
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw new StudyInputException($"{path}: expected a finite number.");
        }

        return value;
    }

    private T Mark<T>(string name, T value)
    {
        _read.Add(name);
        return value;
    }

    private JsonElement Required(string name)
    {
        _read.Add(name);
        if (!_element.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            throw new StudyInputException($"{Child(name)}: required field is missing.");
        }

        return v;
    }

    private List<JsonElement> Items(string name)
    {
        var v = Required(name);
        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new StudyInputException($"{Child(name)}: expected an array.");
        }

        return v.EnumerateArray().ToList();
    }
}
