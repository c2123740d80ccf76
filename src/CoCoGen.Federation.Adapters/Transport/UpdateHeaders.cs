using System.Globalization;
using CoCoGen.Federation.Ports;
using Microsoft.AspNetCore.Http;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>The figures that travel with an uploaded update, as HTTP headers next to the weights body.</summary>
public static class UpdateHeaders
{
    /// <summary>Real samples trained on.</summary>
    public const string LocalSamples = "X-CoCoGen-Local-Samples";

    /// <summary>Synthetic samples trained on.</summary>
    public const string SyntheticSamples = "X-CoCoGen-Synthetic-Samples";

    /// <summary>Training loss (round-trip format).</summary>
    public const string TrainingLoss = "X-CoCoGen-Training-Loss";

    /// <summary>Synthesis wall time in seconds.</summary>
    public const string SynthesisSeconds = "X-CoCoGen-Synthesis-Seconds";

    /// <summary>Training wall time in seconds.</summary>
    public const string TrainingSeconds = "X-CoCoGen-Training-Seconds";

    /// <summary>Adds the update's figures to an outgoing request.</summary>
    public static void Write(System.Net.Http.Headers.HttpRequestHeaders headers, LocalUpdate update)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(update);
        headers.Add(LocalSamples, update.LocalSamples.ToString(CultureInfo.InvariantCulture));
        headers.Add(SyntheticSamples, update.SyntheticSamples.ToString(CultureInfo.InvariantCulture));
        headers.Add(TrainingLoss, update.TrainingLoss.ToString("R", CultureInfo.InvariantCulture));
        headers.Add(SynthesisSeconds, update.SynthesisSeconds.ToString("R", CultureInfo.InvariantCulture));
        headers.Add(TrainingSeconds, update.TrainingSeconds.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Reads an uploaded update; a missing or malformed header is named in the exception.</summary>
    public static LocalUpdate Read(IHeaderDictionary headers, ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new LocalUpdate(
            weights,
            ReadLong(headers, LocalSamples),
            ReadLong(headers, SyntheticSamples),
            ReadDouble(headers, TrainingLoss),
            ReadDouble(headers, SynthesisSeconds),
            ReadDouble(headers, TrainingSeconds));
    }

    private static long ReadLong(IHeaderDictionary headers, string name) =>
        long.TryParse(headers[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"header {name} must be a non-negative integer");

    private static double ReadDouble(IHeaderDictionary headers, string name) =>
        double.TryParse(headers[name].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"header {name} must be a number");
}
