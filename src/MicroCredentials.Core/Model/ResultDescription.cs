using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>ResultDescription</c>: the grading scale of a result.</summary>
public sealed record ResultDescription
{
    /// <summary>Identifier referenced by <see cref="Result.ResultDescription"/>.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always contains <c>ResultDescription</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = ["ResultDescription"];

    /// <summary>Name of the result, e.g. <c>Final mark</c>.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>OB ResultType, e.g. <c>ScaledScore</c> or <c>Status</c>.</summary>
    [JsonPropertyName("resultType")] public required string ResultType { get; init; }

    /// <summary>Allowed values for an enumerated scale.</summary>
    [JsonPropertyName("allowedValue")] public IReadOnlyList<string>? AllowedValue { get; init; }

    /// <summary>Value required to pass.</summary>
    [JsonPropertyName("requiredValue")] public string? RequiredValue { get; init; }

    /// <summary>Lowest value of the scale.</summary>
    [JsonPropertyName("valueMin")] public string? ValueMin { get; init; }

    /// <summary>Highest value of the scale.</summary>
    [JsonPropertyName("valueMax")] public string? ValueMax { get; init; }
}
