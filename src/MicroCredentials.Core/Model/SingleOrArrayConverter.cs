using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>Reads a single object or an array; writes one object when the list has one item, else an array.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SingleOrArrayConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    /// <inheritdoc />
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return JsonSerializer.Deserialize<List<T>>(ref reader, options);
        }

        var one = JsonSerializer.Deserialize<T>(ref reader, options);
        return one is null ? [] : [one];
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Count == 1)
        {
            JsonSerializer.Serialize(writer, value[0], options);
            return;
        }

        JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
