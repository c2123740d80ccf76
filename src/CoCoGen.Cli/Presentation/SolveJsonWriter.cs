using System.Text.Json;
using CoCoGen.Mechanism.Equilibrium;
using CoCoGen.Mechanism.Scenarios;
using CoCoGen.Mechanism.Utility;

namespace CoCoGen.Cli.Presentation;

/// <summary>Writes a <see cref="SolveReport"/> as the JSON of the CLI contract (docs/architecture.md).</summary>
internal static class SolveJsonWriter
{
    public static void Write(SolveReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Scenario s = report.Scenario;
        EquilibriumResult eq = report.Equilibrium;
        Outcome o = eq.Outcome;
        json.WriteStartObject();
        json.WriteString("globalLoss", s.Parameters.GlobalLoss == GlobalLossModel.Separable ? "separable" : "fedavg");
        json.WriteString("contribution", s.Parameters.Contribution == ContributionMeasure.Performance ? "performance" : "data");
        json.WriteString("solver", eq.Solver.ToString());
        json.WriteNumber("iterations", eq.Iterations);
        json.WriteString("note", eq.Note);
        Array(json, "g", o.Generation);
        Array(json, "utilities", o.Utilities);
        Array(json, "transfers", o.Transfers);
        Number(json, "socialWelfare", o.SocialWelfare);
        Number(json, "budgetResidual", o.BudgetResidual);
        Number(json, "globalLossValue", o.GlobalLoss);
        json.WriteStartObject("certificate");
        json.WriteBoolean("holds", eq.Certificate.Holds);
        Number(json, "relativeTolerance", eq.Certificate.RelativeTolerance);
        Number(json, "maxGain", eq.Certificate.MaxGain);
        json.WriteEndObject();
        json.WriteStartObject("potential");
        json.WriteBoolean("exists", report.Potential is not null);
        if (report.Potential is not null)
        {
            Array(json, "weights", report.Potential.Weights.ToArray());
        }
        else
        {
            json.WriteString("reason", report.PotentialReason);
        }

        json.WriteEndObject();
        json.WriteStartObject("socialOptimum");
        Number(json, "socialWelfare", report.Optimum.SocialWelfare);
        Number(json, "priceOfAnarchy", report.Optimum.PriceOfAnarchy);
        Array(json, "g", report.Optimum.Generation);
        json.WriteEndObject();
        if (report.Gamma is { } gamma)
        {
            json.WriteStartObject("gammaTuning");
            Number(json, "gamma", gamma.Gamma);
            Number(json, "socialWelfare", gamma.SocialWelfare);
            Number(json, "upperBound", gamma.UpperBound);
            json.WriteEndObject();
        }

        if (report.Participation is { } participation)
        {
            json.WriteStartObject("participation");
            json.WriteStartArray("stayed");
            foreach (string id in participation.Stayed)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteStartArray("droppedPerRound");
            foreach (IReadOnlyList<string> round in participation.DroppedPerRound)
            {
                json.WriteStartArray();
                foreach (string id in round)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            if (participation.Equilibrium is { } stayed)
            {
                Number(json, "socialWelfare", stayed.Outcome.SocialWelfare);
                Array(json, "g", stayed.Generation);
            }

            json.WriteEndObject();
        }

        json.WriteStartArray("wouldExit");
        foreach (int i in eq.WouldExit)
        {
            json.WriteStringValue(s.Ids[i]);
        }

        json.WriteEndArray();
        json.WriteStartArray("organizations");
        for (int i = 0; i < s.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("id", s.Ids[i]);
            Number(json, "g", o.Generation[i]);
            json.WriteString("kkt", eq.Kkt[i].ToString().ToLowerInvariant());
            Number(json, "samples", s.LocalSamples[i] + o.Generation[i]);
            Number(json, "localLoss", o.LocalLoss[i]);
            Number(json, "revenue", o.Revenue[i]);
            Number(json, "cost", o.Cost[i]);
            Number(json, "contribution", o.Contribution[i]);
            Number(json, "competitionLoss", o.CompetitionLoss[i]);
            Number(json, "transfer", o.Transfers[i]);
            Number(json, "utility", o.Utilities[i]);
            json.WriteBoolean("individuallyRational", o.Utilities[i] >= 0);
            Number(json, "bestDeviation", eq.Certificate.BestDeviation[i]);
            Number(json, "deviationGain", eq.Certificate.Gain[i]);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Array(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
