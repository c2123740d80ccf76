using System.Globalization;

namespace CoCoGen.Mechanism.Scenarios;

/// <summary>
/// The validation rules of a scenario. Every rejection names the field and, for per-organization
/// fields, the organization by index and id.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>Tolerance on |ρ_ij − ρ_ji| below which a matrix counts as symmetric.</summary>
    public const double SymmetryTolerance = 1e-12;

    /// <summary>Throws <see cref="ScenarioValidationException"/> on the first violated rule.</summary>
    public static void Validate(
        ScenarioParameters parameters,
        IReadOnlyList<OrganizationProfile> organizations,
        CompetitionStructure competition,
        LossWeighting weighting,
        IReadOnlyList<double>? explicitLossWeights,
        LossCurveTable? lossCurveTable,
        ScenarioLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(competition);
        ArgumentNullException.ThrowIfNull(options);
        ValidateParameters(parameters);
        int n = organizations.Count;
        if (n < 2)
        {
            throw new ScenarioValidationException($"organizations: at least 2 organizations are required, got {n}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            ValidateOrganization(i, organizations[i], seen);
        }

        ValidateCompetition(organizations, competition);
        ValidateWeights(organizations, weighting, explicitLossWeights);
        if (lossCurveTable is not null)
        {
            ValidateTable(organizations, lossCurveTable);
        }

        if (!options.ExploreRemark2)
        {
            int cheapest = 0;
            for (int j = 1; j < n; j++)
            {
                if (organizations[j].RivalRate < organizations[cheapest].RivalRate)
                {
                    cheapest = j;
                }
            }

            if (parameters.Gamma > organizations[cheapest].RivalRate)
            {
                throw new ScenarioValidationException(
                    $"gamma = {Format(parameters.Gamma)} exceeds {Name(cheapest, organizations[cheapest].Id)}.rivalRate = "
                    + $"{Format(organizations[cheapest].RivalRate)}; Remark 1 requires gamma <= min rivalRate "
                    + "(ask explicitly for Remark-2 exploration to accept it).");
            }
        }
    }

    /// <summary>The name used for organization i in messages: organizations[i] (id "…").</summary>
    public static string Name(int index, string? id) =>
        id is null ? $"organizations[{index}]" : $"organizations[{index}] (id \"{id}\")";

    private static void ValidateParameters(ScenarioParameters p)
    {
        Positive("xi", p.Xi);
        Positive("L0", p.L0);
        NonNegative("gamma", p.Gamma);
        NonNegative("omega", p.Omega);
        NonNegative("fee", p.Fee);
        Positive("cyclesTrainPerSample", p.CyclesTrainPerSample);
        NonNegative("cyclesGeneratePerSample", p.CyclesGeneratePerSample);
    }

    private static void ValidateOrganization(int i, OrganizationProfile o, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(o.Id))
        {
            throw new ScenarioValidationException($"{Name(i, null)}.id must be a non-empty string.");
        }

        if (!seen.Add(o.Id))
        {
            throw new ScenarioValidationException($"{Name(i, o.Id)}.id duplicates an earlier organization's id.");
        }

        string who = Name(i, o.Id);
        Positive($"{who}.localSamples", o.LocalSamples);
        Positive($"{who}.maxSynthetic", o.MaxSynthetic);
        Positive($"{who}.frequencyHz", o.FrequencyHz);
        Positive($"{who}.capacitance", o.Capacitance);
        Positive($"{who}.valuation", o.Valuation);
        NonNegative($"{who}.rivalRate", o.RivalRate);
        ValidateCurve($"{who}.lossCurve", o.LossCurve);
    }

    private static void ValidateCurve(string field, LossCurve curve)
    {
        Positive($"{field}.a", curve.A);
        Finite($"{field}.b", curve.B);
        if (!(curve.B > 0 && curve.B < 1))
        {
            throw new ScenarioValidationException($"{field}.b must lie in (0, 1), got {Format(curve.B)}.");
        }

        NonNegative($"{field}.c", curve.C);
    }

    private static void ValidateCompetition(IReadOnlyList<OrganizationProfile> orgs, CompetitionStructure competition)
    {
        int n = orgs.Count;
        if (competition.Count != n)
        {
            throw new ScenarioValidationException(
                $"competition: has {competition.Count} rows; expected one per organization ({n}).");
        }

        if (competition is not DenseCompetition)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = competition.Raw(i, j);
                string field = $"competition[{i}][{j}] (between \"{orgs[i].Id}\" and \"{orgs[j].Id}\")";
                Finite(field, v);
                if (i == j && v != 0)
                {
                    throw new ScenarioValidationException($"{field}: the diagonal must be 0, got {Format(v)}.");
                }

                if (v < 0 || v > 1)
                {
                    throw new ScenarioValidationException($"{field} must lie in [0, 1], got {Format(v)}.");
                }

                if (Math.Abs(v - competition.Raw(j, i)) > SymmetryTolerance)
                {
                    throw new ScenarioValidationException(
                        $"{field} = {Format(v)} but competition[{j}][{i}] = {Format(competition.Raw(j, i))}: the matrix must be symmetric.");
                }
            }
        }
    }

    private static void ValidateWeights(IReadOnlyList<OrganizationProfile> orgs, LossWeighting weighting, IReadOnlyList<double>? weights)
    {
        if (weighting != LossWeighting.Explicit)
        {
            return;
        }

        if (weights is null || weights.Count != orgs.Count)
        {
            throw new ScenarioValidationException(
                $"weights: an explicit list needs one weight per organization ({orgs.Count}), got {weights?.Count ?? 0}.");
        }

        double sum = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            NonNegative($"weights[{i}] ({Name(i, orgs[i].Id)})", weights[i]);
            sum += weights[i];
        }

        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw new ScenarioValidationException($"weights: explicit weights must sum to 1, they sum to {Format(sum)}.");
        }
    }

    private static void ValidateTable(IReadOnlyList<OrganizationProfile> orgs, LossCurveTable table)
    {
        if (table.Entries.Count == 0)
        {
            throw new ScenarioValidationException("lossCurveTable.entries must hold at least one entry.");
        }

        for (int e = 0; e < table.Entries.Count; e++)
        {
            LossCurveTableEntry entry = table.Entries[e];
            Positive($"lossCurveTable.entries[{e}].alpha", entry.Alpha);
            if (e > 0 && entry.Alpha <= table.Entries[e - 1].Alpha)
            {
                throw new ScenarioValidationException($"lossCurveTable.entries[{e}].alpha must exceed the previous entry's alpha.");
            }

            if (entry.Curves.Count != orgs.Count)
            {
                throw new ScenarioValidationException(
                    $"lossCurveTable.entries[{e}].lossCurves has {entry.Curves.Count} curves; expected one per organization ({orgs.Count}).");
            }

            for (int i = 0; i < orgs.Count; i++)
            {
                ValidateCurve($"lossCurveTable.entries[{e}].lossCurves[{i}] ({Name(i, orgs[i].Id)})", entry.Curves[i]);
            }
        }
    }

    private static void Finite(string field, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ScenarioValidationException($"{field} must be a finite number, got {Format(value)}.");
        }
    }

    private static void Positive(string field, double value)
    {
        Finite(field, value);
        if (value <= 0)
        {
            throw new ScenarioValidationException($"{field} must be positive, got {Format(value)}.");
        }
    }

    private static void NonNegative(string field, double value)
    {
        Finite(field, value);
        if (value < 0)
        {
            throw new ScenarioValidationException($"{field} must be non-negative, got {Format(value)}.");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
