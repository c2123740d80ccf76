using System.Text.Json;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>Reads a run directory the way a script would: plain JSON, no project types.</summary>
internal static class RunFiles
{
    public static IReadOnlyList<JsonElement> Rounds(string directory)
    {
        var file = Path.Combine(directory, "rounds.jsonl");
        return File.Exists(file)
            ? File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray()
            : [];
    }

    public static async Task WaitForRoundsAsync(string directory, int rounds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Rounds(directory).Count < rounds)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{directory} did not reach {rounds} rounds within {timeout}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>A tiny configuration: a few hundred real samples per organization, small test set, one generator pass.</summary>
    public static string WriteConfiguration(string directory, string calibration, double stragglerTimeoutSeconds)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "config.input.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            Protocol = new { GeneratorSteps = 1, StragglerTimeoutSeconds = stragglerTimeoutSeconds, SubmissionTimeoutSeconds = 30 },
            Learning = new { TrainSamples = 1500, TestSamples = 500, BatchSize = 32, ValidationSubset = 300 },
            Mechanism = new { Calibration = calibration, MaxSynthetic = 300 },
        }));
        return file;
    }
}
