using System.Text.Json.Serialization;

namespace MicroCredentials.Catalog;

/// <summary>The academy's catalogue file: the awarding body and its micro-credentials.</summary>
public sealed record MicroCredentialCatalog
{
    /// <summary>The awarding body.</summary>
    [JsonPropertyName("issuer")] public required IssuerProfileDefinition Issuer { get; init; }

    /// <summary>The micro-credentials, by code.</summary>
    [JsonPropertyName("microCredentials")] public required IReadOnlyList<MicroCredentialDefinition> MicroCredentials { get; init; }

    /// <summary>Finds a micro-credential by code (case-insensitive); null when unknown.</summary>
    public MicroCredentialDefinition? Find(string code) =>
        MicroCredentials.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));
}
