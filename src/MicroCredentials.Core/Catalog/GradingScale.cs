using System.Text.Json.Serialization;

namespace MicroCredentials.Catalog;

/// <summary>How results are expressed for a micro-credential (becomes an OB <c>ResultDescription</c>).</summary>
public sealed record GradingScale
{
    /// <summary>OB ResultType: <c>ScaledScore</c> (e.g. 0–20) or <c>Status</c> (pass/fail only).</summary>
    [JsonPropertyName("resultType")] public required string ResultType { get; init; }

    /// <summary>Name of the result per language (e.g. "Eindcijfer" / "Final mark").</summary>
    [JsonPropertyName("name")] public required IReadOnlyDictionary<string, string> Name { get; init; }

    /// <summary>Lowest mark, for a scaled score.</summary>
    [JsonPropertyName("min")] public string? Min { get; init; }

    /// <summary>Highest mark, for a scaled score.</summary>
    [JsonPropertyName("max")] public string? Max { get; init; }

    /// <summary>Mark needed to pass.</summary>
    [JsonPropertyName("pass")] public string? Pass { get; init; }
}
