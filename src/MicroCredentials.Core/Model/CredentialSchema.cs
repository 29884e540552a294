using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>VC <c>credentialSchema</c> entry.</summary>
public sealed record CredentialSchema
{
    /// <summary>The schema URL.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The validator type, <c>1EdTechJsonSchemaValidator2019</c>.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }

    /// <summary>The OB 3.0 AchievementCredential schema.</summary>
    public static CredentialSchema AchievementCredential { get; } = new()
    {
        Id = Ob3Terms.AchievementCredentialSchema,
        Type = Ob3Terms.JsonSchemaValidator2019,
    };
}
