using System.Globalization;
using System.Text;
using CoCoGen.Federation.Adapters.Reporting;
using CoCoGen.Mechanism.ReciprocalFairness;

namespace CoCoGen.Federation.Adapters.SeedMechanisms;

/// <summary>FedBR-Shap's stages as a CSV table and SVG charts: each agent's s_i and accuracy at the end of every stage.</summary>
public static class FedBrShapCharts
{
    /// <summary>One row per stage: stage, then s_i, p_i and a_i per agent, then Σ p_i.</summary>
    public static string Csv(IReadOnlyList<string> agents, IReadOnlyList<FedBrShapStage> stages)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(stages);
        var text = new StringBuilder("stage");
        foreach (string prefix in new[] { "samples", "payment", "accuracy" })
        {
            foreach (string agent in agents)
            {
                text.Append(CultureInfo.InvariantCulture, $",{prefix}_{agent}");
            }
        }

        text.Append(",paymentSum\n");
        foreach (var stage in stages)
        {
            text.Append(CultureInfo.InvariantCulture, $"{stage.Stage}");
            foreach (var values in new[] { stage.Samples, stage.Payments, stage.Accuracies })
            {
                foreach (double v in values)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{v:R}");
                }
            }

            text.Append(CultureInfo.InvariantCulture, $",{stage.Payments.Sum():R}\n");
        }

        return text.ToString();
    }

    /// <summary>Renders s_i per stage and a_i per stage; each entry is a file name and its SVG document.</summary>
    public static IReadOnlyList<(string FileName, string Svg)> Render(IReadOnlyList<string> agents, IReadOnlyList<FedBrShapStage> stages, string setup)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            throw new ArgumentException("no stages to chart.", nameof(stages));
        }

        LineSeries[] Series(Func<FedBrShapStage, IReadOnlyList<double>> values) =>
            [.. agents.Select((a, i) => new LineSeries(a, [.. stages.Select(s => new ChartPoint(s.Stage, values(s)[i]))]))];

        return
        [
            ("fedbrshap-samples.svg", SvgChartWriter.Render(new LineChart($"FedBR-Shap: s_i at the end of each stage ({setup})", "stage h", "s_i (batches)", Series(s => s.Samples), WholeNumberX: true))),
            ("fedbrshap-accuracy.svg", SvgChartWriter.Render(new LineChart($"FedBR-Shap: a_i(θ) at the end of each stage ({setup})", "stage h", "test accuracy", Series(s => s.Accuracies), WholeNumberX: true))),
        ];
    }
}
