using System.Text.Json.Serialization;

namespace MicroCredentials.Catalog;

/// <summary>A skill in a framework such as ESCO, becoming an OB <c>Alignment</c>.</summary>
public sealed record SkillReference
{
    /// <summary>Preferred label of the skill.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The skill's URI, e.g. <c>http://data.europa.eu/esco/skill/…</c>.</summary>
    [JsonPropertyName("url")] public required string Url { get; init; }
}
