using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CoCoGen.Learning.Layers;
using CoCoGen.Learning.Tensors;

namespace CoCoGen.Learning.Serialization;

/// <summary>
/// Reads and writes the safetensors format (huggingface/safetensors): an 8-byte little-endian header length,
/// a UTF-8 JSON header mapping each tensor name to its dtype, shape and [begin, end) byte offsets in the data
/// section (plus an optional "__metadata__" string map), then the raw little-endian data. This engine
/// stores F32 only; the header is space-padded to a multiple of 8 bytes as the reference writer does.
/// </summary>
public static class SafetensorsFile
{
    private const long MaxHeaderBytes = 100_000_000;
    private const string MetadataKey = "__metadata__";

    /// <summary>Writes the named tensors (sorted by name) and optional metadata.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="tensors">Name and tensor pairs; names must be unique.</param>
    /// <param name="metadata">Optional free-form string pairs.</param>
    public static void Write(Stream stream, IEnumerable<(string Name, Tensor Tensor)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        var ordered = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            if (metadata is not null && metadata.Count > 0)
            {
                json.WriteStartObject(MetadataKey);
                foreach ((string key, string value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            string? previous = null;
            foreach ((string name, Tensor tensor) in ordered)
            {
                if (string.IsNullOrEmpty(name) || name == MetadataKey || name == previous)
                {
                    throw new ArgumentException($"Tensor name '{name}' is empty, reserved or repeated.", nameof(tensors));
                }

                previous = name;
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int extent in tensor.Shape)
                {
                    json.WriteNumberValue(extent);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += (long)tensor.Length * sizeof(float);
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        int padding = (int)((8 - (header.Length % 8)) % 8);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)(header.Length + padding));
        stream.Write(length);
        header.Position = 0;
        header.CopyTo(stream);
        for (int i = 0; i < padding; i++)
        {
            stream.WriteByte((byte)' ');
        }

        foreach ((_, Tensor tensor) in ordered)
        {
            WriteLittleEndian(stream, tensor.Span);
        }
    }

    /// <summary>Reads every tensor of a safetensors stream.</summary>
    /// <param name="stream">The source, positioned at the file start.</param>
    /// <returns>The tensors by name and the metadata (empty when absent).</returns>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> lengthBytes = stackalloc byte[8];
        stream.ReadExactly(lengthBytes);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength < 2 || headerLength > MaxHeaderBytes)
        {
            throw new InvalidDataException($"Safetensors header length {headerLength} is outside [2, {MaxHeaderBytes}].");
        }

        byte[] headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var entries = new List<(string Name, int[] Shape, long Begin, long End)>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        using (JsonDocument document = ParseHeader(headerBytes))
        {
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                {
                    foreach (JsonProperty item in property.Value.EnumerateObject())
                    {
                        metadata[item.Name] = item.Value.GetString() ?? string.Empty;
                    }

                    continue;
                }

                entries.Add(ParseEntry(property));
            }
        }

        entries.Sort((a, b) => a.Begin.CompareTo(b.Begin));
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        long position = 0;
        foreach ((string name, int[] shape, long begin, long end) in entries)
        {
            if (begin != position)
            {
                throw new InvalidDataException($"Safetensors tensor '{name}' starts at byte {begin}, expected {position} (gap or overlap).");
            }

            var tensor = new Tensor(shape);
            if (end - begin != (long)tensor.Length * sizeof(float))
            {
                throw new InvalidDataException($"Safetensors tensor '{name}' spans {end - begin} bytes, its F32 shape [{string.Join(", ", shape)}] needs {(long)tensor.Length * sizeof(float)}.");
            }

            try
            {
                ReadLittleEndian(stream, tensor.Span);
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"Safetensors data ends inside tensor '{name}'.");
            }

            tensors.Add(name, tensor);
            position = end;
        }

        return (tensors, metadata);
    }

    /// <summary>Writes a layer's state tensors (parameters and buffers) to a file.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="model">The layer.</param>
    /// <param name="metadata">Optional metadata.</param>
    public static void Save(string path, Layer model, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using FileStream stream = File.Create(path);
        Write(stream, model.StateTensors(), metadata);
    }

    /// <summary>Loads a file written by <see cref="Save"/> (or any F32 safetensors with matching names) into a layer.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="model">The layer whose state is overwritten.</param>
    public static void Load(string path, Layer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using FileStream stream = File.OpenRead(path);
        model.LoadState(Read(stream).Tensors);
    }

    private static JsonDocument ParseHeader(byte[] headerBytes)
    {
        try
        {
            JsonDocument document = JsonDocument.Parse(headerBytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InvalidDataException("Safetensors header is not a JSON object.");
            }

            return document;
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"Safetensors header is not valid JSON: {error.Message}", error);
        }
    }

    private static (string Name, int[] Shape, long Begin, long End) ParseEntry(JsonProperty property)
    {
        string name = property.Name;
        JsonElement value = property.Value;
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out JsonElement dtype)
            || !value.TryGetProperty("shape", out JsonElement shape)
            || !value.TryGetProperty("data_offsets", out JsonElement offsets)
            || shape.ValueKind != JsonValueKind.Array
            || offsets.ValueKind != JsonValueKind.Array
            || offsets.GetArrayLength() != 2)
        {
            throw new InvalidDataException($"Safetensors entry '{name}' lacks dtype, shape or a two-element data_offsets.");
        }

        if (dtype.GetString() != "F32")
        {
            throw new InvalidDataException($"Safetensors tensor '{name}' has dtype {dtype.GetString()}; this engine reads F32 only.");
        }

        int[] dims = [.. shape.EnumerateArray().Select(e => e.GetInt32())];
        long begin = offsets[0].GetInt64();
        long end = offsets[1].GetInt64();
        if (begin < 0 || end < begin || dims.Any(d => d < 0))
        {
            throw new InvalidDataException($"Safetensors tensor '{name}' has invalid shape or offsets [{begin}, {end}).");
        }

        return (name, dims, begin, end);
    }

    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        Span<byte> buffer = stackalloc byte[4];
        foreach (float v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(buffer, v);
            stream.Write(buffer);
        }
    }

    private static void ReadLittleEndian(Stream stream, Span<float> values)
    {
        Span<byte> bytes = MemoryMarshal.AsBytes(values);
        stream.ReadExactly(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4));
            }
        }
    }
}
