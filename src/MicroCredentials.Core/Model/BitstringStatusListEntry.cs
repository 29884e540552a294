using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>W3C Bitstring Status List v1.0 <c>BitstringStatusListEntry</c> (§2.1).</summary>
public sealed record BitstringStatusListEntry
{
    /// <summary>Entry id, <c>&lt;list url&gt;#&lt;index&gt;</c> (required by the OB schema; never equal to the list URL).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always <c>BitstringStatusListEntry</c>.</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "BitstringStatusListEntry";

    /// <summary><c>revocation</c> or <c>suspension</c>.</summary>
    [JsonPropertyName("statusPurpose")] public required string StatusPurpose { get; init; }

    /// <summary>Base-10 index as a string.</summary>
    [JsonPropertyName("statusListIndex")] public required string StatusListIndex { get; init; }

    /// <summary>URL of the status list credential.</summary>
    [JsonPropertyName("statusListCredential")] public required string StatusListCredential { get; init; }
}
