using CoCoGen.Federation.Ports;
namespace CoCoGen.Federation.Protocol;

/// <summary>
/// Rejects poisoned updates before FedAvg: non-finite weights, a wrong parameter count, or an update
/// whose distance from the global model exceeds <see cref="NormFactor"/> times the median distance of
/// the round's updates (a ×100 scaled update is far outside that band; honest non-IID updates are not).
/// </summary>
public sealed class UpdateScreen
{
    /// <summary>Creates a screen with the given outlier factor.</summary>
    public UpdateScreen(double normFactor)
    {
        if (!(normFactor > 1) || !double.IsFinite(normFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(normFactor), normFactor, "the norm factor must be a finite number above 1");
        }

        NormFactor = normFactor;
    }

    /// <summary>How many times the median update norm an update may reach.</summary>
    public double NormFactor { get; }

    /// <summary>One verdict per update: null when accepted, else the reason it was rejected.</summary>
    public IReadOnlyList<string?> Screen(ModelWeights global, IReadOnlyList<ModelWeights> updates)
    {
        ArgumentNullException.ThrowIfNull(global);
        ArgumentNullException.ThrowIfNull(updates);

        var verdicts = new string?[updates.Count];
        var norms = new double[updates.Count];
        for (var i = 0; i < updates.Count; i++)
        {
            norms[i] = double.NaN;
            if (updates[i].Count != global.Count)
            {
                verdicts[i] = $"update has {updates[i].Count} parameters, the global model {global.Count}";
            }
            else if (!updates[i].IsFinite())
            {
                verdicts[i] = "update contains NaN or infinite weights";
            }
            else
            {
                norms[i] = updates[i].DistanceTo(global);
                if (!double.IsFinite(norms[i]))
                {
                    verdicts[i] = "update norm overflows";
                }
            }
        }

        var finite = norms.Where((n, i) => verdicts[i] is null).Order().ToArray();
        if (finite.Length < 2)
        {
            return verdicts;
        }

        var median = finite.Length % 2 == 1
            ? finite[finite.Length / 2]
            : 0.5 * (finite[(finite.Length / 2) - 1] + finite[finite.Length / 2]);
        for (var i = 0; i < updates.Count; i++)
        {
            if (verdicts[i] is null && norms[i] > NormFactor * median)
            {
                verdicts[i] = FormattableString.Invariant(
                    $"update norm {norms[i]:G4} exceeds {NormFactor:G4} × the round's median {median:G4}");
            }
        }

        return verdicts;
    }
}
