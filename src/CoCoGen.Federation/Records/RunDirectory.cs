using System.Text;
using System.Text.Json;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Records;

/// <summary>
/// The files of one run: resolved config, rounds.jsonl, checkpoint (+ weights), final model, report.
/// Every write that a resume depends on is atomic (temporary file, flush, rename).
/// </summary>
public sealed class RunDirectory
{
    /// <summary>Opens (without creating) the run directory at <paramref name="path"/>.</summary>
    public RunDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>The resolved configuration file.</summary>
    public string ConfigFile => Combine("config.json");

    /// <summary>One JSON line per settled round.</summary>
    public string RoundsFile => Combine("rounds.jsonl");

    /// <summary>Where the run stands.</summary>
    public string CheckpointFile => Combine("checkpoint.json");

    /// <summary>Global weights of the checkpoint.</summary>
    public string GlobalWeightsFile => Combine("checkpoint", "global.bin");

    /// <summary>Generator weights of the checkpoint.</summary>
    public string GeneratorWeightsFile => Combine("checkpoint", "generator.bin");

    /// <summary>The final global model.</summary>
    public string ModelFile => Combine("model.safetensors");

    /// <summary>The offline HTML report.</summary>
    public string ReportFile => Combine("report.html");

    /// <summary>The audit of the run against the chain.</summary>
    public string AuditFile => Combine("audit.json");

    /// <summary>True when a checkpoint exists (the run can be resumed).</summary>
    public bool HasCheckpoint => File.Exists(CheckpointFile);

    /// <summary>Creates the directory; refuses one that already holds a run unless it is being resumed.</summary>
    public void Create(bool resume)
    {
        if (!resume && (File.Exists(RoundsFile) || File.Exists(CheckpointFile)))
        {
            throw new InvalidOperationException($"run directory {Path} already holds a run; pass --resume to continue it or choose another --out");
        }

        Directory.CreateDirectory(Combine("checkpoint"));
    }

    /// <summary>Writes <paramref name="value"/> as indented JSON, atomically.</summary>
    public static void WriteJson<T>(string file, T value) =>
        WriteAtomic(file, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value, RunJson.Indented)));

    /// <summary>Reads a JSON file written by <see cref="WriteJson{T}"/>.</summary>
    /// <exception cref="InvalidDataException">The file is empty or not the JSON expected; the message names it.</exception>
    public static T ReadJson<T>(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(file), RunJson.Indented) ?? throw new InvalidDataException($"{file}: empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file}: not a valid {typeof(T).Name} ({ex.Message})", ex);
        }
    }

    /// <summary>Saves the checkpoint with its weights (weights first, so the checkpoint never points at missing weights).</summary>
    public void SaveCheckpoint(RunCheckpoint checkpoint, ModelWeights global, ModelWeights? generator)
    {
        ArgumentNullException.ThrowIfNull(global);
        WriteAtomic(GlobalWeightsFile, global.ToBytes());
        if (generator is not null)
        {
            WriteAtomic(GeneratorWeightsFile, generator.ToBytes());
        }

        WriteJson(CheckpointFile, checkpoint);
    }

    /// <summary>Updates only the checkpoint (the journal of a round being settled).</summary>
    public void SaveCheckpoint(RunCheckpoint checkpoint) => WriteJson(CheckpointFile, checkpoint);

    /// <summary>Loads the checkpoint and its weights.</summary>
    public (RunCheckpoint Checkpoint, ModelWeights Global, ModelWeights Generator) LoadCheckpoint() =>
        (ReadJson<RunCheckpoint>(CheckpointFile),
         ModelWeights.FromBytes(File.ReadAllBytes(GlobalWeightsFile)),
         ModelWeights.FromBytes(File.ReadAllBytes(GeneratorWeightsFile)));

    /// <summary>Appends one round to rounds.jsonl and flushes it to disk.</summary>
    public void AppendRound(RoundRecord record)
    {
        var line = JsonSerializer.Serialize(record, RunJson.Options) + "\n";
        using var stream = new FileStream(RoundsFile, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every round recorded so far, in order.</summary>
    public IReadOnlyList<RoundRecord> ReadRounds()
    {
        if (!File.Exists(RoundsFile))
        {
            return [];
        }

        var rounds = new List<RoundRecord>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(RoundsFile))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                rounds.Add(JsonSerializer.Deserialize<RoundRecord>(line, RunJson.Options)
                    ?? throw new InvalidDataException($"{RoundsFile} line {lineNumber}: empty record"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{RoundsFile} line {lineNumber}: not a complete round record (truncated or edited?), JSON breaks at byte {ex.BytePositionInLine}"), ex);
            }
        }

        return rounds;
    }

    private string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static void WriteAtomic(string file, byte[] bytes)
    {
        var temporary = file + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, file, overwrite: true);
    }
}
