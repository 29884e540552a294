using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Model;

/// <summary>
/// Shape-tolerant reading of credential JSON: every reader of attacker data goes through these instead of the
/// <see cref="JsonNode"/> indexers and casts, which throw on the "wrong" shape (<c>node["x"]</c> on a string or array,
/// <c>(string?)node</c> on a number, <c>GetValue&lt;bool&gt;</c> on a string). A value of another shape reads as absent.
/// </summary>
internal static class JsonRead
{
    /// <summary>The member <paramref name="name"/> of an object; null when the node is no object or lacks it.</summary>
    public static JsonNode? Member(JsonNode? node, string name) =>
        node is JsonObject o && o.TryGetPropertyValue(name, out var value) ? value : null;

    /// <summary>A JSON string's value, else null (numbers, booleans, objects and arrays are not strings).</summary>
    public static string? String(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Like <see cref="String"/>, also unwrapping a JSON-LD value object (<c>{"@value": "…"}</c>).</summary>
    public static string? Text(JsonNode? node) => String(node) ?? String(Member(node, "@value"));

    /// <summary>A JSON boolean's value, else null (the string <c>"false"</c> is not a boolean).</summary>
    public static bool? Boolean(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValueKind() == JsonValueKind.True : null;

    /// <summary>The first element of an array, or the node itself (VC 2.0 allows one value or an array of them).</summary>
    public static JsonNode? First(JsonNode? node) => node is JsonArray a ? a.FirstOrDefault() : node;

    /// <summary>A single value or an array as a list of its elements (an absent member is an empty list).</summary>
    public static IReadOnlyList<JsonNode?> Many(JsonNode? node) => node switch
    {
        null => [],
        JsonArray a => [.. a],
        _ => [node],
    };

    /// <summary>The string values of one string or an array (non-strings skipped).</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node) =>
        [.. Many(node).Select(String).OfType<string>()];

    /// <summary>The id of something given as an IRI string or as an object with an <c>id</c> (issuer, achievement).</summary>
    public static string? Id(JsonNode? node) => String(node) ?? String(Member(node, "id"));
}
