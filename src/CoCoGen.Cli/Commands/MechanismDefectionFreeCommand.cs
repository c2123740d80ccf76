using CoCoGen.Mechanism.DefectionFree;

namespace CoCoGen.Cli.Commands;

/// <summary>
/// `cocogen mechanism dfcl`: runs Algorithm 1 and the comparison schemes on the synthetic quadratic duopoly.
/// Input fields: <c>training</c> {kind: quadratic, optimumLow, optimumHigh, curvature, initialLow, initialHigh},
/// <c>rounds</c>, <c>growthCap</c>, <c>schemes</c>. Real training of two silos plugs in through IDuopolyTraining in
/// the Federation layer.
/// </summary>
public static class MechanismDefectionFreeCommand
{
    /// <summary>Runs the command on a parsed input; returns the JSON result object.</summary>
    public static object Run(MechanismJsonObject root, string? csvPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        var training = root.Section("training");
        string kind = training.Text("kind");
        if (kind != "quadratic")
        {
            throw new MechanismInputException($"training.kind: unknown kind \"{kind}\" (quadratic).");
        }

        var optimumLow = training.Numbers("optimumLow");
        var optimumHigh = training.Numbers("optimumHigh");
        double curvature = training.Number("curvature");
        var initialLow = training.Numbers("initialLow");
        var initialHigh = training.Numbers("initialHigh");
        training.RejectUnknownFields();
        int rounds = root.WholeNumber("rounds", 200);
        double growthCap = root.Number("growthCap", 1.03);
        var schemes = root.Has("schemes") ? root.Strings("schemes") : ["defectionFree", "onlyLowShares", "complete"];
        root.RejectUnknownFields();
        var results = new List<object>();
        for (int k = 0; k < schemes.Length; k++)
        {
            if (!schemes[k].All(char.IsLetter) || !Enum.TryParse<CollaborationScheme>(schemes[k], ignoreCase: true, out var scheme))
            {
                throw new MechanismInputException($"schemes[{k}]: unknown scheme \"{schemes[k]}\" (defectionFree, onlyLowShares, complete).");
            }

            var process = new QuadraticDuopolyTraining(optimumLow, optimumHigh, curvature, initialLow, initialHigh);
            var result = new DefectionFreeCollaboration(rounds, growthCap, scheme).Run(process);
            var last = result.Rounds[^1];
            results.Add(new
            {
                Scheme = scheme.ToString(),
                result.NashLowQuality,
                result.NashHighQuality,
                NashRatio = result.NashLowQuality / result.NashHighQuality,
                result.NashProduct,
                result.RevenuesNeverDecreased,
                Final = last,
                Rounds = result.Rounds,
            });
        }

        return new { Mechanism = "dfcl", Results = results };
    }
}
