using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>IdentifierEntry</c> (all three properties required).</summary>
public sealed record IdentifierEntry
{
    /// <summary>Always <c>IdentifierEntry</c> (a single string, as the schema wants).</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "IdentifierEntry";

    /// <summary>The identifier value.</summary>
    [JsonPropertyName("identifier")] public required string Identifier { get; init; }

    /// <summary>Its type, e.g. <c>ext:KBOnumber</c>.</summary>
    [JsonPropertyName("identifierType")] public required string IdentifierType { get; init; }
}
