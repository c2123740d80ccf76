using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using CoCoGen.Federation.Ports;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// Weights on the wire: a safetensors document holding one F32 tensor <c>weights</c> of shape [N]
/// (8-byte little-endian header length, JSON header, raw little-endian data), readable by any
/// safetensors tool.
/// </summary>
public static class WeightsWireFormat
{
    /// <summary>Media type of a weights body.</summary>
    public const string MediaType = "application/octet-stream";

    private const string TensorName = "weights";

    /// <summary>Encodes <paramref name="weights"/>.</summary>
    public static byte[] Encode(ModelWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var data = weights.ToBytes();
        var header = Encoding.UTF8.GetBytes(FormattableString.Invariant(
            $"{{\"{TensorName}\":{{\"dtype\":\"F32\",\"shape\":[{weights.Count}],\"data_offsets\":[0,{data.Length}]}}}}"));
        var padded = (header.Length + 7) / 8 * 8;
        var bytes = new byte[8 + padded + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        header.CopyTo(bytes, 8);
        bytes.AsSpan(8 + header.Length, padded - header.Length).Fill((byte)' ');
        data.CopyTo(bytes, 8 + padded);
        return bytes;
    }

    /// <summary>Decodes a document written by <see cref="Encode"/>; rejects anything else with the reason.</summary>
    public static ModelWeights Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            throw new FormatException("weights payload is shorter than a safetensors header");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8))
        {
            throw new FormatException($"safetensors header length {headerLength} exceeds the payload");
        }

        using var header = JsonDocument.Parse(bytes.Slice(8, (int)headerLength).ToArray());
        if (!header.RootElement.TryGetProperty(TensorName, out var tensor))
        {
            throw new FormatException($"safetensors payload has no tensor '{TensorName}'");
        }

        if (tensor.GetProperty("dtype").GetString() != "F32")
        {
            throw new FormatException($"tensor '{TensorName}' must be F32");
        }

        var offsets = tensor.GetProperty("data_offsets");
        var start = offsets[0].GetInt64();
        var end = offsets[1].GetInt64();
        var shape = tensor.GetProperty("shape");
        var data = bytes[(8 + (int)headerLength)..];
        if (start != 0 || end != data.Length || shape.GetArrayLength() != 1 || shape[0].GetInt64() * sizeof(float) != end)
        {
            throw new FormatException($"tensor '{TensorName}' offsets [{start},{end}] do not match its shape and the {data.Length} data bytes");
        }

        return ModelWeights.FromBytes(data);
    }
}
