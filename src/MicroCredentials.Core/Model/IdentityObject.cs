using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>
/// OB 3.0 <c>IdentityObject</c>: one identifier of the learner (OB 3.0 §B.1.10; <c>additionalProperties: false</c>).
/// </summary>
public sealed record IdentityObject
{
    /// <summary>Always <c>IdentityObject</c>.</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "IdentityObject";

    /// <summary>Whether <see cref="IdentityHash"/> is a hash.</summary>
    [JsonPropertyName("hashed")] public required bool Hashed { get; init; }

    /// <summary><c>sha256$&lt;hex&gt;</c> when hashed, else the plain value.</summary>
    [JsonPropertyName("identityHash")] public required string IdentityHash { get; init; }

    /// <summary><c>emailAddress</c>, <c>name</c>, … (OB IdentifierTypeEnum).</summary>
    [JsonPropertyName("identityType")] public required string IdentityType { get; init; }

    /// <summary>The salt appended to the value before hashing.</summary>
    [JsonPropertyName("salt")] public string? Salt { get; init; }
}
