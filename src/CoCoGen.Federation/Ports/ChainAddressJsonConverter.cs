using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoCoGen.Federation.Ports;

/// <summary>Reads and writes a <see cref="ChainAddress"/> as the JSON string "0x" + 40 lower-case hex digits (the run records' and the wire's format).</summary>
public sealed class ChainAddressJsonConverter : JsonConverter<ChainAddress>
{
    /// <inheritdoc/>
    public override ChainAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return ChainAddress.Parse(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("expected an address written as a string"));
        }
        catch (FormatException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ChainAddress value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
