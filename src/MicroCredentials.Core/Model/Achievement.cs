using System.Text.Json.Serialization;

namespace MicroCredentials.Model;

/// <summary>
/// OB 3.0 <c>Achievement</c> (§B.1.1) with the EU Annex I elements that OB has no field for, defined by our
/// extension context (<see cref="Ob3Terms.MicroCredentialContext"/>). Every text a certificate prints is a
/// language map (<c>{"nl": …, "en": …}</c>) so the PDF and the verification page can speak either language
/// from the signed credential itself.
/// </summary>
public sealed record Achievement
{
    /// <summary>Identifier of the micro-credential (catalogue code and version).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>Always contains <c>Achievement</c>.</summary>
    [JsonPropertyName("type")] public IReadOnlyList<string> Type { get; init; } = ["Achievement"];

    /// <summary><c>MicroCredential</c>.</summary>
    [JsonPropertyName("achievementType")] public string? AchievementType { get; init; }

    /// <summary>Title in the catalogue's main language (EU Annex I element 2).</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>Description in the catalogue's main language.</summary>
    [JsonPropertyName("description")] public required string Description { get; init; }

    /// <summary>How it is earned.</summary>
    [JsonPropertyName("criteria")] public required Criteria Criteria { get; init; }

    /// <summary>The academy's course code.</summary>
    [JsonPropertyName("humanCode")] public string? HumanCode { get; init; }

    /// <summary>Field of study (ISCED-F name).</summary>
    [JsonPropertyName("fieldOfStudy")] public string? FieldOfStudy { get; init; }

    /// <summary>Language of instruction (BCP 47).</summary>
    [JsonPropertyName("inLanguage")] public string? InLanguage { get; init; }

    /// <summary>Credits available (ECTS, as OB's number).</summary>
    [JsonPropertyName("creditsAvailable")] public decimal? CreditsAvailable { get; init; }

    /// <summary>Catalogue version of this micro-credential.</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }

    /// <summary>Badge image.</summary>
    [JsonPropertyName("image")] public Image? Image { get; init; }

    /// <summary>The issuing body (same as the credential issuer).</summary>
    [JsonPropertyName("creator")] public Profile? Creator { get; init; }

    /// <summary>EQF level and ESCO skills.</summary>
    [JsonPropertyName("alignment")] public IReadOnlyList<Alignment>? Alignment { get; init; }

    /// <summary>Grading scales.</summary>
    [JsonPropertyName("resultDescription")] public IReadOnlyList<ResultDescription>? ResultDescription { get; init; }

    /// <summary>Keywords.</summary>
    [JsonPropertyName("tag")] public IReadOnlyList<string>? Tag { get; init; }

    // ---- EU Annex I extension (our context) ----

    /// <summary>Title per language (Annex I element 2).</summary>
    [JsonPropertyName("localizedName")] public IReadOnlyDictionary<string, string>? LocalizedName { get; init; }

    /// <summary>Description per language.</summary>
    [JsonPropertyName("localizedDescription")] public IReadOnlyDictionary<string, string>? LocalizedDescription { get; init; }

    /// <summary>Learning outcomes per language (Annex I element 6; <c>elm:learningOutcome</c>).</summary>
    [JsonPropertyName("learningOutcome")] public IReadOnlyDictionary<string, IReadOnlyList<string>>? LearningOutcome { get; init; }

    /// <summary>Workload in ECTS credits (Annex I element 7; <c>elm:creditPoint</c>).</summary>
    [JsonPropertyName("ectsCredits")] public decimal? EctsCredits { get; init; }

    /// <summary>Notional workload as an ISO 8601 duration, e.g. <c>PT150H</c> (<c>elm:volumeOfLearning</c>).</summary>
    [JsonPropertyName("notionalWorkload")] public string? NotionalWorkload { get; init; }

    /// <summary>EQF level IRI, e.g. <c>http://data.europa.eu/snb/eqf/6</c> (Annex I element 8; <c>elm:eqfLevel</c>).</summary>
    [JsonPropertyName("eqfLevel")] public string? EqfLevel { get; init; }

    /// <summary>Type of assessment per language (Annex I element 9).</summary>
    [JsonPropertyName("assessmentType")] public IReadOnlyDictionary<string, string>? AssessmentType { get; init; }

    /// <summary>Form of participation per language (Annex I element 10; <c>elm:mode</c>).</summary>
    [JsonPropertyName("participationMode")] public IReadOnlyDictionary<string, string>? ParticipationMode { get; init; }

    /// <summary>Type of quality assurance per language (Annex I element 11; <c>elm:accreditation</c>).</summary>
    [JsonPropertyName("qualityAssurance")] public IReadOnlyDictionary<string, string>? QualityAssurance { get; init; }

    /// <summary>Prerequisites to enrol per language (optional; <c>elm:entryRequirement</c>).</summary>
    [JsonPropertyName("prerequisites")] public IReadOnlyDictionary<string, string>? Prerequisites { get; init; }

    /// <summary>Supervision and identity verification during assessment per language (optional; <c>elm:idVerification</c>).</summary>
    [JsonPropertyName("supervisionAndIdVerification")] public IReadOnlyDictionary<string, string>? SupervisionAndIdVerification { get; init; }

    /// <summary>Integration and stackability options per language (optional).</summary>
    [JsonPropertyName("stackability")] public IReadOnlyDictionary<string, string>? Stackability { get; init; }

    /// <summary>The EQF level as a number, parsed from <see cref="EqfLevel"/>; null when absent or not an EQF IRI.</summary>
    [JsonIgnore]
    public int? EqfLevelNumber =>
        EqfLevel is { } iri && iri.StartsWith(Ob3Terms.EqfLevelPrefix, StringComparison.Ordinal)
        && int.TryParse(iri.AsSpan(Ob3Terms.EqfLevelPrefix.Length), out var n) ? n : null;
}
