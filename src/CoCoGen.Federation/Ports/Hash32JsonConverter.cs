using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoCoGen.Federation.Ports;

/// <summary>Reads and writes a <see cref="Hash32"/> as the JSON string "0x" + 64 lower-case hex digits (the run records' and the wire's format).</summary>
public sealed class Hash32JsonConverter : JsonConverter<Hash32>
{
    /// <inheritdoc/>
    public override Hash32 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return Hash32.Parse(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("expected a hash written as a string"));
        }
        catch (FormatException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Hash32 value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
