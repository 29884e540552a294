using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>Evidence</c>.</summary>
public sealed record Evidence
{
    /// <summary>URL of the evidence.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>Always contains <c>Evidence</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = ["Evidence"];

    /// <summary>Markdown narrative.</summary>
    [JsonPropertyName("narrative")] public string? Narrative { get; init; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Description.</summary>
    [JsonPropertyName("description")] public string? Description { get; init; }
}
