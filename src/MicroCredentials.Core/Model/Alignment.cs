using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>Alignment</c> to a framework (EQF level, ESCO skill).</summary>
public sealed record Alignment
{
    /// <summary>Always contains <c>Alignment</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = ["Alignment"];

    /// <summary>Name of the target (required).</summary>
    [JsonPropertyName("targetName")] public required string TargetName { get; init; }

    /// <summary>URL of the target (required).</summary>
    [JsonPropertyName("targetUrl")] public required string TargetUrl { get; init; }

    /// <summary>Description of the target.</summary>
    [JsonPropertyName("targetDescription")] public string? TargetDescription { get; init; }

    /// <summary>Framework name, e.g. <c>European Qualifications Framework</c>.</summary>
    [JsonPropertyName("targetFramework")] public string? TargetFramework { get; init; }

    /// <summary>Code within the framework.</summary>
    [JsonPropertyName("targetCode")] public string? TargetCode { get; init; }
}
