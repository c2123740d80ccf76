using System.Text.Json;

namespace CoCoGen.EndToEnd.Tests;

/// <summary>Reads a run directory the way a script would: plain JSON, no project types.</summary>
internal static class RunFiles
{
    private const int TrainSamples = 1500;
    private const int TestSamples = 500;

    public static IReadOnlyList<JsonElement> Rounds(string directory)
    {
        var file = Path.Combine(directory, "rounds.jsonl");
        return File.Exists(file)
            ? File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray()
            : [];
    }

    public static async Task WaitForRoundsAsync(string directory, int rounds, TimeSpan timeout, TimeSpan? poll = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Rounds(directory).Count < rounds)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{directory} did not reach {rounds} rounds within {timeout}");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>A tiny configuration: a few hundred real samples per organization, small test set, one generator pass.</summary>
    public static string WriteConfiguration(string directory, string calibration, double stragglerTimeoutSeconds, object? consortium = null, int validationSubset = 300)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "config.input.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            Protocol = new { GeneratorSteps = 1, StragglerTimeoutSeconds = stragglerTimeoutSeconds, ReviewTimeoutSeconds = 30 },
            Learning = new { TrainSamples, TestSamples, BatchSize = 32, ValidationSubset = validationSubset },
            Mechanism = new { Calibration = calibration, MaxSynthetic = 300 },
            Consortium = consortium ?? PlaceholderConsortium(10),
        }));
        return file;
    }

    /// <summary>
    /// The distributed shape's configuration: the tiny run plus the roster of <paramref name="organizations"/> members, each
    /// at its keystore's address with the D_i its shard of this configuration's split holds.
    /// </summary>
    public static string WriteDistributedConfiguration(string directory, string calibration, double stragglerTimeoutSeconds, PartyKeystores keys, int organizations)
    {
        var split = CoCoGen.Federation.Adapters.Training.ImageFederationData.Load(
            new CoCoGen.Federation.Adapters.Training.LearningOptions { TrainSamples = TrainSamples, TestSamples = TestSamples, Organizations = organizations }).Partition;
        return WriteConfiguration(directory, calibration, stragglerTimeoutSeconds, new
        {
            CoordinatorAddress = keys.AddressOf("coordinator").ToLowerHex(),
            Roster = Enumerable.Range(0, organizations).Select(i => new
            {
                Organization = $"org{i + 1}",
                Address = keys.AddressOf($"org{i + 1}").ToLowerHex(),
                LocalSamples = split.Size(i),
            }).ToArray(),
        });
    }

    /// <summary>A well-formed roster for processes that stop before anyone joins (bad keys, bad input).</summary>
    public static object PlaceholderConsortium(int organizations) => new
    {
        CoordinatorAddress = "0x" + new string('c', 40),
        Roster = Enumerable.Range(1, organizations).Select(i => new { Organization = $"org{i}", Address = "0x" + i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture), LocalSamples = 100 }).ToArray(),
    };
}
