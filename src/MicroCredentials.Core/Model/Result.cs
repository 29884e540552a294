using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>Result</c>: the learner's grade (EU Annex I optional element "grade achieved").</summary>
public sealed record Result
{
    /// <summary>Always contains <c>Result</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = ["Result"];

    /// <summary>Id of the <see cref="Model.ResultDescription"/> this result follows.</summary>
    [JsonPropertyName("resultDescription")] public string? ResultDescription { get; init; }

    /// <summary>The grade, e.g. <c>15/20</c> → <c>15</c>.</summary>
    [JsonPropertyName("value")] public string? Value { get; init; }

    /// <summary>OB ResultStatusType; <c>Completed</c> for a pass.</summary>
    [JsonPropertyName("status")] public string? Status { get; init; }
}
