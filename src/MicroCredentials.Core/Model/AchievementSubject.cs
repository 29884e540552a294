using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>OB 3.0 <c>AchievementSubject</c>: the learner and what they achieved (§B.1.3).</summary>
public sealed record AchievementSubject
{
    /// <summary>The learner's DID, when they have one (we normally identify by <see cref="Identifier"/>).</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>Always contains <c>AchievementSubject</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = ["AchievementSubject"];

    /// <summary>The learner's identifiers: salted e-mail hash and name (EU Annex I element 1).</summary>
    [JsonPropertyName("identifier")] public IReadOnlyList<IdentityObject>? Identifier { get; init; }

    /// <summary>The achievement.</summary>
    [JsonPropertyName("achievement")] public required Achievement Achievement { get; init; }

    /// <summary>Start of the learning activity.</summary>
    [JsonPropertyName("activityStartDate")] public DateTimeOffset? ActivityStartDate { get; init; }

    /// <summary>End of the learning activity.</summary>
    [JsonPropertyName("activityEndDate")] public DateTimeOffset? ActivityEndDate { get; init; }

    /// <summary>Credits earned (ECTS).</summary>
    [JsonPropertyName("creditsEarned")] public decimal? CreditsEarned { get; init; }

    /// <summary>Academic term, e.g. <c>2025-2026 semester 1</c>.</summary>
    [JsonPropertyName("term")] public string? Term { get; init; }

    /// <summary>Results (grade).</summary>
    [JsonPropertyName("result")] public IReadOnlyList<Result>? Result { get; init; }

    /// <summary>The learner's name, from the <c>name</c> identifier; null when absent.</summary>
    [JsonIgnore]
    public string? LearnerName =>
        Identifier?.FirstOrDefault(i => i.IdentityType == Ob3Terms.IdentityTypeName && !i.Hashed)?.IdentityHash;
}
