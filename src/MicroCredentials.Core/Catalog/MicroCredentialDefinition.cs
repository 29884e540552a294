using System.Text.Json.Serialization;

namespace MicroCredentials.Catalog;

/// <summary>
/// One micro-credential of the academy's catalogue: everything a credential says about the course, in Dutch and
/// English. Loaded by <see cref="CatalogLoader"/>, which checks every EU Annex I mandatory element is present.
/// </summary>
public sealed record MicroCredentialDefinition
{
    /// <summary>The academy's course code, e.g. <c>MC-DSH</c>; learners' CSV rows refer to it.</summary>
    [JsonPropertyName("code")] public string Code { get; init; } = string.Empty;

    /// <summary>Catalogue version (academic year or edition); part of the achievement id.</summary>
    [JsonPropertyName("version")] public string Version { get; init; } = string.Empty;

    /// <summary>Title per language (Annex I 2).</summary>
    [JsonPropertyName("title")] public IReadOnlyDictionary<string, string>? Title { get; init; }

    /// <summary>Short description per language.</summary>
    [JsonPropertyName("description")] public IReadOnlyDictionary<string, string>? Description { get; init; }

    /// <summary>ECTS credits (Annex I 7).</summary>
    [JsonPropertyName("ects")] public decimal Ects { get; init; }

    /// <summary>Notional workload in hours (Annex I 7; typically 25–30 hours per ECTS credit).</summary>
    [JsonPropertyName("notionalHours")] public int NotionalHours { get; init; }

    /// <summary>EQF level 1–8 (Annex I 8).</summary>
    [JsonPropertyName("eqfLevel")] public int EqfLevel { get; init; }

    /// <summary>Learning outcomes per language (Annex I 6).</summary>
    [JsonPropertyName("learningOutcomes")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? LearningOutcomes { get; init; }

    /// <summary>Field of study (ISCED-F 2013 name).</summary>
    [JsonPropertyName("fieldOfStudy")] public string? FieldOfStudy { get; init; }

    /// <summary>Type of assessment per language (Annex I 9).</summary>
    [JsonPropertyName("assessmentType")] public IReadOnlyDictionary<string, string>? AssessmentType { get; init; }

    /// <summary>Form of participation per language (Annex I 10).</summary>
    [JsonPropertyName("participationMode")] public IReadOnlyDictionary<string, string>? ParticipationMode { get; init; }

    /// <summary>Type of quality assurance per language (Annex I 11).</summary>
    [JsonPropertyName("qualityAssurance")] public IReadOnlyDictionary<string, string>? QualityAssurance { get; init; }

    /// <summary>Prerequisites to enrol per language (optional).</summary>
    [JsonPropertyName("prerequisites")] public IReadOnlyDictionary<string, string>? Prerequisites { get; init; }

    /// <summary>Supervision and identity verification during assessment per language (optional).</summary>
    [JsonPropertyName("supervisionAndIdVerification")] public IReadOnlyDictionary<string, string>? SupervisionAndIdVerification { get; init; }

    /// <summary>Integration and stackability options per language (optional).</summary>
    [JsonPropertyName("stackability")] public IReadOnlyDictionary<string, string>? Stackability { get; init; }

    /// <summary>Language of instruction (BCP 47).</summary>
    [JsonPropertyName("language")] public string? Language { get; init; }

    /// <summary>Grading scale; null means pass/fail without a mark.</summary>
    [JsonPropertyName("gradingScale")] public GradingScale? GradingScale { get; init; }

    /// <summary>Criteria to earn the credential per language.</summary>
    [JsonPropertyName("criteria")] public IReadOnlyDictionary<string, string>? Criteria { get; init; }

    /// <summary>Public page describing the course.</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }

    /// <summary>ESCO skills the learning outcomes align to.</summary>
    [JsonPropertyName("escoSkills")] public IReadOnlyList<SkillReference>? EscoSkills { get; init; }
}
