using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>
/// Writes OB 3.0 <c>DateTimeZ</c> values: UTC, whole seconds, literal <c>Z</c> (e.g. <c>2025-06-30T09:00:00Z</c>).
/// Reads any ISO 8601 date-time with an offset.
/// </summary>
public sealed class DateTimeZConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The format written.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new JsonException($"'{text}' is not a date-time with a time zone.");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Print(value));
    }

    /// <summary>Prints a value as DateTimeZ.</summary>
    public static string Print(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);
}
