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

    /// <summary>
    /// Saves the checkpoint with its weights and returns it as written. Weights go to files named by their content,
    /// each written completely before the record that names them, so a crash at any instant leaves a checkpoint whose
    /// files are whole: the previous one or the new one, never a mix. Files no record names any more are removed.
    /// </summary>
    public RunCheckpoint SaveCheckpoint(RunCheckpoint checkpoint, ModelWeights global, ModelWeights? generator)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(global);
        var saved = checkpoint with
        {
            GlobalWeights = WriteWeights("global", global),
            GeneratorWeights = generator is null ? checkpoint.GeneratorWeights : WriteWeights("generator", generator),
        };
        WriteJson(CheckpointFile, saved);
        foreach (var stale in Directory.EnumerateFiles(Combine("checkpoint"), "*.bin"))
        {
            var name = System.IO.Path.GetFileName(stale);
            if (name != saved.GlobalWeights && name != saved.GeneratorWeights)
            {
                File.Delete(stale);
            }
        }

        return saved;
    }

    /// <summary>Updates only the checkpoint (the journal of a round being settled); its weights stay as they are.</summary>
    public void SaveCheckpoint(RunCheckpoint checkpoint) => WriteJson(CheckpointFile, checkpoint);

    /// <summary>Loads the checkpoint and the weights it names.</summary>
    /// <exception cref="InvalidDataException">The checkpoint names no weights, or a file it names is missing.</exception>
    public (RunCheckpoint Checkpoint, ModelWeights Global, ModelWeights Generator) LoadCheckpoint()
    {
        var checkpoint = ReadJson<RunCheckpoint>(CheckpointFile);
        return (checkpoint, ReadWeights(checkpoint.GlobalWeights), ReadWeights(checkpoint.GeneratorWeights));
    }

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

    /// <summary>The evidence folder: manifests named by their hash, weights under blobs/.</summary>
    public string EvidenceDirectory => Combine("evidence");

    /// <summary>
    /// Stores a blob of evidence under its hash (0x-prefixed hex), unless it is there already: content-addressed, so
    /// an update that recurs (a free-rider's copy of the global model) is stored once.
    /// </summary>
    public void WriteEvidenceBlob(string hash, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var file = EvidenceBlobFile(hash);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            WriteAtomic(file, bytes);
        }
    }

    /// <summary>Stores a round's manifest bytes under their hash (0x-prefixed hex).</summary>
    public void WriteEvidenceManifest(string hash, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Directory.CreateDirectory(EvidenceDirectory);
        WriteAtomic(EvidenceManifestFile(hash), bytes);
    }

    /// <summary>The file of the manifest with hash <paramref name="hash"/>.</summary>
    public string EvidenceManifestFile(string hash) => Combine("evidence", $"{HexName(hash)}.json");

    /// <summary>The file of the blob with hash <paramref name="hash"/>.</summary>
    public string EvidenceBlobFile(string hash) => Combine("evidence", "blobs", $"{HexName(hash)}.bin");

    // A hash names a file only as 64 lower-case hex digits, so a record cannot point outside the folder.
    private static string HexName(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var hex = hash.StartsWith("0x", StringComparison.Ordinal) ? hash[2..] : hash;
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigitLower))
        {
            throw new InvalidDataException($"'{hash}' is not a 32-byte lower-case hex hash");
        }

        return hex;
    }

    private string WriteWeights(string kind, ModelWeights weights)
    {
        var bytes = weights.ToBytes();
        var name = $"{kind}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}.bin";
        WriteAtomic(Combine("checkpoint", name), bytes);
        return name;
    }

    private ModelWeights ReadWeights(string? name)
    {
        var file = name is null ? null : Combine("checkpoint", name);
        return file is not null && File.Exists(file)
            ? ModelWeights.FromBytes(File.ReadAllBytes(file))
            : throw new InvalidDataException($"{CheckpointFile} names weights '{name}' that are not in {Combine("checkpoint")}");
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
