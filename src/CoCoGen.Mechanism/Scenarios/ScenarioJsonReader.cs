using System.Text.Json;

namespace CoCoGen.Mechanism.Scenarios;

/// <summary>
/// Reads a scenario from the JSON schema of the shared vectors (docs/architecture.md) strictly:
/// unknown fields, wrong types, non-finite numbers and every rule of <see cref="ScenarioValidator"/>
/// are rejected with a message naming the field and the organization.
/// </summary>
public static class ScenarioJsonReader
{
    private static readonly string[] TopLevelFields =
    [
        "description", "globalLoss", "contribution", "xi", "L0", "gamma", "omega", "fee", "cyclesTrainPerSample",
        "cyclesGeneratePerSample", "weights", "organizations", "competition", "lossCurveTable",
    ];

    private static readonly string[] OrganizationFields =
    [
        "id", "localSamples", "maxSynthetic", "frequencyHz", "capacitance", "valuation", "rivalRate", "lossCurve",
    ];

    private static readonly string[] CurveFields = ["a", "b", "c"];
    private static readonly string[] TableFields = ["source", "entries"];
    private static readonly string[] EntryFields = ["alpha", "lossCurves"];

    /// <summary>Reads and validates the scenario file at <paramref name="path"/>.</summary>
    public static Scenario ReadFile(string path, ScenarioLoadOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException($"scenario file '{path}' does not exist.");
        }

        return Read(File.ReadAllText(path), options);
    }

    /// <summary>Parses and validates scenario JSON text.</summary>
    public static Scenario Read(string json, ScenarioLoadOptions? options = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ScenarioValidationException($"scenario: not valid JSON ({e.Message}).", e);
        }

        using (document)
        {
            return Read(document.RootElement, options ?? ScenarioLoadOptions.Strict);
        }
    }

    private static Scenario Read(JsonElement root, ScenarioLoadOptions options)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioValidationException("scenario: the top level must be a JSON object.");
        }

        RejectUnknown(root, TopLevelFields, string.Empty);
        var parameters = new ScenarioParameters(
            ParseGlobalLoss(root),
            ParseContribution(root),
            Number(root, "xi", "xi", 1.0),
            Number(root, "L0", "L0", null),
            Number(root, "gamma", "gamma", null),
            Number(root, "omega", "omega", 1.0),
            Number(root, "fee", "fee", 0.0),
            Number(root, "cyclesTrainPerSample", "cyclesTrainPerSample", null),
            Number(root, "cyclesGeneratePerSample", "cyclesGeneratePerSample", null));

        JsonElement orgArray = Required(root, "organizations", "organizations");
        if (orgArray.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioValidationException("organizations must be an array.");
        }

        var organizations = new List<OrganizationProfile>();
        int index = 0;
        foreach (JsonElement org in orgArray.EnumerateArray())
        {
            organizations.Add(ParseOrganization(org, index++));
        }

        if (organizations.Count < 2)
        {
            throw new ScenarioValidationException($"organizations: at least 2 organizations are required, got {organizations.Count}.");
        }

        CompetitionStructure competition = ParseCompetition(Required(root, "competition", "competition"), organizations);
        (LossWeighting weighting, double[]? weights) = ParseWeights(root, organizations.Count);
        LossCurveTable? table = root.TryGetProperty("lossCurveTable", out JsonElement t) ? ParseTable(t) : null;
        return Scenario.Create(parameters, organizations, competition, weighting, weights, table, options);
    }

    private static GlobalLossModel ParseGlobalLoss(JsonElement root)
    {
        string value = Text(root, "globalLoss", "globalLoss", "separable");
        return value switch
        {
            "separable" => GlobalLossModel.Separable,
            "fedavg" => GlobalLossModel.FedAvg,
            _ => throw new ScenarioValidationException($"globalLoss must be \"separable\" or \"fedavg\", got \"{value}\"."),
        };
    }

    private static ContributionMeasure ParseContribution(JsonElement root)
    {
        string value = Text(root, "contribution", "contribution", "performance");
        return value switch
        {
            "performance" => ContributionMeasure.Performance,
            "data" => ContributionMeasure.Data,
            _ => throw new ScenarioValidationException($"contribution must be \"performance\" or \"data\", got \"{value}\"."),
        };
    }

    private static OrganizationProfile ParseOrganization(JsonElement org, int index)
    {
        string? id = org.ValueKind == JsonValueKind.Object && org.TryGetProperty("id", out JsonElement idElement)
            && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        string who = ScenarioValidator.Name(index, id);
        if (org.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioValidationException($"{who} must be a JSON object.");
        }

        RejectUnknown(org, OrganizationFields, who + ".");
        if (id is null)
        {
            throw new ScenarioValidationException($"{who}.id is required and must be a string.");
        }

        return new OrganizationProfile(
            id,
            Number(org, "localSamples", $"{who}.localSamples", null),
            Number(org, "maxSynthetic", $"{who}.maxSynthetic", null),
            Number(org, "frequencyHz", $"{who}.frequencyHz", null),
            Number(org, "capacitance", $"{who}.capacitance", null),
            Number(org, "valuation", $"{who}.valuation", null),
            Number(org, "rivalRate", $"{who}.rivalRate", null),
            ParseCurve(Required(org, "lossCurve", $"{who}.lossCurve"), $"{who}.lossCurve"));
    }

    private static LossCurve ParseCurve(JsonElement curve, string field)
    {
        if (curve.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioValidationException($"{field} must be an object with a, b, c.");
        }

        RejectUnknown(curve, CurveFields, field + ".");
        return new LossCurve(
            Number(curve, "a", $"{field}.a", null),
            Number(curve, "b", $"{field}.b", null),
            Number(curve, "c", $"{field}.c", null));
    }

    private static DenseCompetition ParseCompetition(JsonElement matrix, List<OrganizationProfile> orgs)
    {
        int n = orgs.Count;
        if (matrix.ValueKind != JsonValueKind.Array || matrix.GetArrayLength() != n)
        {
            throw new ScenarioValidationException($"competition must be an array of {n} rows (one per organization).");
        }

        var raw = new double[n * n];
        int i = 0;
        foreach (JsonElement row in matrix.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != n)
            {
                throw new ScenarioValidationException(
                    $"competition[{i}] (row of \"{orgs[i].Id}\") must be an array of {n} numbers.");
            }

            int j = 0;
            foreach (JsonElement cell in row.EnumerateArray())
            {
                raw[(i * n) + j] = AsNumber(cell, $"competition[{i}][{j}] (between \"{orgs[i].Id}\" and \"{orgs[j].Id}\")");
                j++;
            }

            i++;
        }

        return new DenseCompetition(n, raw);
    }

    private static (LossWeighting, double[]?) ParseWeights(JsonElement root, int n)
    {
        if (!root.TryGetProperty("weights", out JsonElement w))
        {
            return (LossWeighting.DataShare, null);
        }

        if (w.ValueKind == JsonValueKind.String)
        {
            return w.GetString() switch
            {
                "data-share" => (LossWeighting.DataShare, null),
                "uniform" => (LossWeighting.Uniform, null),
                var other => throw new ScenarioValidationException(
                    $"weights must be \"data-share\", \"uniform\" or an array of {n} numbers, got \"{other}\"."),
            };
        }

        if (w.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioValidationException($"weights must be \"data-share\", \"uniform\" or an array of {n} numbers.");
        }

        double[] values = w.EnumerateArray().Select((e, k) => AsNumber(e, $"weights[{k}]")).ToArray();
        return (LossWeighting.Explicit, values);
    }

    private static LossCurveTable ParseTable(JsonElement table)
    {
        if (table.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioValidationException("lossCurveTable must be an object with source and entries.");
        }

        RejectUnknown(table, TableFields, "lossCurveTable.");
        string source = Text(table, "source", "lossCurveTable.source", null);
        JsonElement entries = Required(table, "entries", "lossCurveTable.entries");
        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioValidationException("lossCurveTable.entries must be an array.");
        }

        var list = new List<LossCurveTableEntry>();
        int e = 0;
        foreach (JsonElement entry in entries.EnumerateArray())
        {
            string field = $"lossCurveTable.entries[{e}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioValidationException($"{field} must be an object with alpha and lossCurves.");
            }

            RejectUnknown(entry, EntryFields, field + ".");
            double alpha = Number(entry, "alpha", $"{field}.alpha", null);
            JsonElement curves = Required(entry, "lossCurves", $"{field}.lossCurves");
            if (curves.ValueKind != JsonValueKind.Array)
            {
                throw new ScenarioValidationException($"{field}.lossCurves must be an array.");
            }

            LossCurve[] parsed = curves.EnumerateArray().Select((c, k) => ParseCurve(c, $"{field}.lossCurves[{k}]")).ToArray();
            list.Add(new LossCurveTableEntry(alpha, parsed));
            e++;
        }

        return new LossCurveTable(source, list);
    }

    private static void RejectUnknown(JsonElement element, string[] allowed, string prefix)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new ScenarioValidationException(
                    $"{prefix}{property.Name}: unknown field (allowed: {string.Join(", ", allowed)}).");
            }
        }
    }

    private static JsonElement Required(JsonElement element, string name, string field)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            throw new ScenarioValidationException($"{field} is required.");
        }

        return value;
    }

    private static double Number(JsonElement element, string name, string field, double? fallback)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return fallback ?? throw new ScenarioValidationException($"{field} is required.");
        }

        return AsNumber(value, field);
    }

    private static double AsNumber(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new ScenarioValidationException($"{field} must be a number, got {value.ValueKind.ToString().ToLowerInvariant()} {value.GetRawText()}.");
        }

        if (!value.TryGetDouble(out double number) || !double.IsFinite(number))
        {
            throw new ScenarioValidationException($"{field} must be a finite number, got {value.GetRawText()}.");
        }

        return number;
    }

    private static string Text(JsonElement element, string name, string field, string? fallback)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return fallback ?? throw new ScenarioValidationException($"{field} is required.");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ScenarioValidationException($"{field} must be a string.");
        }

        return value.GetString()!;
    }
}
