using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.SdJwt;

/// <summary>
/// JSON text and parsing for SD-JWT parts. Disclosures are written with the separators RFC 9901's examples use
/// (<c>", "</c> and <c>": "</c>), so its example disclosures are reproduced byte for byte from their salts; any JSON
/// parser reads them. Parsing is strict: no duplicate members, bounded depth.
/// </summary>
internal static class SdJwtJson
{
    private static readonly JsonSerializerOptions ValueOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static readonly JsonDocumentOptions Strict = new()
    {
        MaxDepth = CoreLimits.MaxCredentialJsonDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>Compact JSON text (payloads and headers) with non-ASCII kept as UTF-8.</summary>
    public static string Compact(JsonNode node) => node.ToJsonString(ValueOptions);

    /// <summary>JSON text with the RFC 9901 example separators.</summary>
    public static string Spaced(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    /// <summary>Parses UTF-8 JSON strictly; null when it is not JSON.</summary>
    public static JsonNode? TryParse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonNode.Parse(utf8, documentOptions: Strict);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in obj)
                {
                    text.Append(first ? "" : ", ").Append(JsonSerializer.Serialize(name, ValueOptions)).Append(": ");
                    Write(text, value);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(node.ToJsonString(ValueOptions));
                break;
        }
    }
}
