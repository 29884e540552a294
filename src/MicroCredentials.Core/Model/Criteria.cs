using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>Criteria</c>: how the achievement is earned.</summary>
public sealed record Criteria
{
    /// <summary>URL of a page describing the criteria.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>Markdown narrative of the criteria.</summary>
    [JsonPropertyName("narrative")] public string? Narrative { get; init; }
}
