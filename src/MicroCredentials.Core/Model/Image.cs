using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>Image</c> (<c>additionalProperties: false</c> in the schema).</summary>
public sealed record Image
{
    /// <summary>URI or data URI of the image.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always <c>Image</c>.</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "Image";

    /// <summary>Alternative text.</summary>
    [JsonPropertyName("caption")] public string? Caption { get; init; }
}
