using System.Collections;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MicroCredentials.Model;

/// <summary>
/// Serializes the OB 3.0 model exactly as OB 3.0 wants (serialization.md): nulls and empty arrays omitted,
/// <c>type</c> always an array (by the model), DateTimeZ, numbers as numbers, UTF-8 without needless escaping.
/// </summary>
public static partial class CredentialJson
{
    /// <summary>The options used everywhere a credential is written or read.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(writeIndented: true);

    /// <summary>Same as <see cref="Options"/> but compact (for JWT payloads and hashing).</summary>
    public static JsonSerializerOptions CompactOptions { get; } = CreateOptions(writeIndented: false);

    /// <summary>Serializes a credential to indented JSON.</summary>
    public static string Serialize(OpenBadgeCredential credential) =>
        JsonSerializer.Serialize(credential, Options);

    /// <summary>Converts a credential to a mutable JSON tree (for signing).</summary>
    public static JsonObject ToJsonObject(OpenBadgeCredential credential) =>
        JsonSerializer.SerializeToNode(credential, Options)!.AsObject();

    /// <summary>Converts an issuer profile to a mutable JSON tree (for publishing it).</summary>
    public static JsonObject ToProfileJson(Profile profile) =>
        JsonSerializer.SerializeToNode(profile, Options)!.AsObject();

    /// <summary>Reads a credential; throws <see cref="JsonException"/> on malformed input.</summary>
    public static OpenBadgeCredential Deserialize(string json) =>
        JsonSerializer.Deserialize<OpenBadgeCredential>(json, Options)
        ?? throw new JsonException("The document is JSON null, not a credential.");

    /// <summary>Reads a credential from a JSON tree; throws <see cref="JsonException"/> on malformed input.</summary>
    public static OpenBadgeCredential Deserialize(JsonNode node) =>
        node.Deserialize<OpenBadgeCredential>(Options)
        ?? throw new JsonException("The document is JSON null, not a credential.");

    private static JsonSerializerOptions CreateOptions(bool writeIndented)
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = writeIndented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyCollections } },
        };
        options.Converters.Add(new DateTimeZConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmptyCollections(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType != typeof(string)
                && typeof(IEnumerable).IsAssignableFrom(property.PropertyType)
                && !typeof(JsonNode).IsAssignableFrom(property.PropertyType))
            {
                // Lists and language maps of the model are arrays and dictionaries: both are ICollection.
                property.ShouldSerialize = static (_, value) => value is not null and not ICollection { Count: 0 };
            }
        }
    }
}
