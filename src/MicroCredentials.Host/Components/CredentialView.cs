using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using MicroCredentials.Model;

namespace MicroCredentials.Host.Components;

/// <summary>
/// Everything an employer reads about a credential, taken from its JSON and formatted for one culture (dates, numbers,
/// grades: <c>15,5</c> in Dutch and French). Tolerant of foreign shapes; never contains the learner's e-mail.
/// </summary>
public sealed partial record CredentialView
{
    /// <summary>The credential id.</summary>
    public string? Id { get; init; }

    /// <summary>The learner's name (never the e-mail).</summary>
    public string? LearnerName { get; init; }

    /// <summary>The title in the page language.</summary>
    public string? Title { get; init; }

    /// <summary>The description in the page language.</summary>
    public string? Description { get; init; }

    /// <summary>The learning outcomes in the page language.</summary>
    public IReadOnlyList<string> LearningOutcomes { get; init; } = [];

    /// <summary>ECTS credits (invariant number).</summary>
    public string? Ects { get; init; }

    /// <summary>Notional workload in hours (invariant number).</summary>
    public string? WorkloadHours { get; init; }

    /// <summary>EQF level number.</summary>
    public string? EqfLevel { get; init; }

    /// <summary>The grade (invariant number or text).</summary>
    public string? Grade { get; init; }

    /// <summary>The grading scale's name.</summary>
    public string? GradeScaleName { get; init; }

    /// <summary>The highest grade of the scale.</summary>
    public string? GradeMax { get; init; }

    /// <summary>The pass mark.</summary>
    public string? GradePass { get; init; }

    /// <summary>When the achievement was awarded.</summary>
    public DateOnly? AwardedOn { get; init; }

    /// <summary>validFrom as a date.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>validUntil as a date.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Start of the learning period.</summary>
    public DateOnly? PeriodStart { get; init; }

    /// <summary>End of the learning period.</summary>
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>How learning was assessed.</summary>
    public string? Assessment { get; init; }

    /// <summary>Form of participation.</summary>
    public string? Participation { get; init; }

    /// <summary>Supervision and identity verification.</summary>
    public string? Supervision { get; init; }

    /// <summary>Quality assurance.</summary>
    public string? QualityAssurance { get; init; }

    /// <summary>Prerequisites.</summary>
    public string? Prerequisites { get; init; }

    /// <summary>Stackability.</summary>
    public string? Stackability { get; init; }

    /// <summary>Field of study.</summary>
    public string? FieldOfStudy { get; init; }

    /// <summary>The course page (http(s) only).</summary>
    public string? CourseUrl { get; init; }

    /// <summary>The issuer's name, else its id.</summary>
    public string? IssuerName { get; init; }

    /// <summary>The issuer id.</summary>
    public string? IssuerId { get; init; }

    /// <summary>The issuer's website (http(s) only).</summary>
    public string? IssuerUrl { get; init; }

    /// <summary>The issuer's contact e-mail.</summary>
    public string? IssuerEmail { get; init; }

    /// <summary>The issuer's address, one line per entry.</summary>
    public IReadOnlyList<string> IssuerAddress { get; init; } = [];

    /// <summary>The proof's cryptosuite or type.</summary>
    public string? ProofType { get; init; }

    /// <summary>The proof's verification method (key id).</summary>
    public string? VerificationMethod { get; init; }

    /// <summary>When the proof was made.</summary>
    public string? ProofCreated { get; init; }

    /// <summary>The field name of the learning outcomes in <see cref="TextLanguages"/>.</summary>
    public const string LearningOutcomesField = "outcomes";

    /// <summary>
    /// The language of each catalogue text taken from a language map (<c>title</c>, <c>description</c>, <c>outcomes</c>,
    /// <c>assessment</c>, …): the page language, or the one it fell back to.
    /// </summary>
    public IReadOnlyDictionary<string, string> TextLanguages { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The <c>lang</c> attribute a field's text needs on a page in <paramref name="pageLanguage"/>: its language when it
    /// differs (English catalogue text on a French page, WCAG 3.1.2), else null (no attribute).
    /// </summary>
    public string? LangOf(string field, string pageLanguage) =>
        TextLanguages.TryGetValue(field, out var tag) && !string.Equals(tag, pageLanguage, StringComparison.OrdinalIgnoreCase) ? tag : null;

    /// <summary>Reads a credential for a page in <paramref name="language"/> (catalogue texts fall back to English, then Dutch).</summary>
    public static CredentialView From(JsonObject credential, string language)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var issuer = credential["issuer"];
        var subject = credential["credentialSubject"] is JsonArray subjects ? subjects.FirstOrDefault() : credential["credentialSubject"];
        var achievement = At(subject, "achievement");
        var name = (At(subject, "identifier") as JsonArray)?
            .FirstOrDefault(i => Str(At(i, "identityType")) == Ob3Terms.IdentityTypeName && At(i, "hashed") is JsonValue h && h.TryGetValue<bool>(out var hashed) && !hashed);
        var result = (At(subject, "result") as JsonArray)?.FirstOrDefault();
        var descriptionId = Str(At(result, "resultDescription"));
        var scale = (At(achievement, "resultDescription") as JsonArray)?.FirstOrDefault(d => descriptionId is not null && Str(At(d, "id")) == descriptionId);
        var proof = credential["proof"] is JsonArray proofs ? proofs.FirstOrDefault() : credential["proof"];
        var address = At(issuer, "address");
        var languages = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Text(string field, JsonNode? map) => Localized(map, language, field, languages);

        return new CredentialView
        {
            TextLanguages = languages,
            Id = Str(credential["id"]),
            LearnerName = Str(At(name, "identityHash")),
            Title = Text("title", At(achievement, "localizedName")) ?? Str(At(achievement, "name")) ?? Str(credential["name"]),
            Description = Text("description", At(achievement, "localizedDescription")) ?? Str(At(achievement, "description")),
            LearningOutcomes = LocalizedList(At(achievement, "learningOutcome"), language, languages),
            Ects = Number(At(achievement, "ectsCredits")) ?? Number(At(subject, "creditsEarned")) ?? Number(At(achievement, "creditsAvailable")),
            WorkloadHours = Hours(Str(At(achievement, "notionalWorkload"))),
            EqfLevel = Str(At(achievement, "eqfLevel")) is { } eqf && eqf.StartsWith(Ob3Terms.EqfLevelPrefix, StringComparison.Ordinal) ? eqf[Ob3Terms.EqfLevelPrefix.Length..] : null,
            Grade = Number(At(result, "value")),
            GradeScaleName = Str(At(scale, "name")),
            GradeMax = Number(At(scale, "valueMax")),
            GradePass = Number(At(scale, "requiredValue")),
            AwardedOn = Date(credential["awardedDate"]),
            IssuedOn = Date(credential["validFrom"] ?? credential["issuanceDate"]),
            ValidUntil = Date(credential["validUntil"] ?? credential["expirationDate"]),
            PeriodStart = Date(At(subject, "activityStartDate")),
            PeriodEnd = Date(At(subject, "activityEndDate")),
            Assessment = Text("assessment", At(achievement, "assessmentType")),
            Participation = Text("participation", At(achievement, "participationMode")),
            Supervision = Text("supervision", At(achievement, "supervisionAndIdVerification")),
            QualityAssurance = Text("quality_assurance", At(achievement, "qualityAssurance")),
            Prerequisites = Text("prerequisites", At(achievement, "prerequisites")),
            Stackability = Text("stackability", At(achievement, "stackability")),
            FieldOfStudy = Str(At(achievement, "fieldOfStudy")),
            CourseUrl = HttpUrl(Str(At(At(achievement, "criteria"), "id"))),
            IssuerName = issuer is JsonValue ? Str(issuer) : Str(At(issuer, "name")) ?? Str(At(issuer, "id")),
            IssuerId = issuer is JsonValue ? Str(issuer) : Str(At(issuer, "id")),
            IssuerUrl = HttpUrl(Str(At(issuer, "url"))),
            IssuerEmail = Str(At(issuer, "email")),
            IssuerAddress = AddressLines(address),
            ProofType = Str(At(proof, "cryptosuite")) ?? Str(At(proof, "type")),
            VerificationMethod = Str(At(proof, "verificationMethod")),
            ProofCreated = Str(At(proof, "created")),
        };
    }

    /// <summary>A number (ECTS, grade) in the current culture: <c>15,5</c> in Dutch, <c>15.5</c> in English.</summary>
    public static string FormatNumber(string? invariant) =>
        invariant is not null && decimal.TryParse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.###", CultureInfo.CurrentCulture)
            : invariant ?? string.Empty;

    /// <summary>A date in the current culture, e.g. <c>6 februari 2026</c>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    // A member of an object; null for any other shape (VC 2.0 allows strings, arrays and value objects almost anywhere).
    private static JsonNode? At(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static string? Number(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<decimal>(out var d) ? d.ToString(CultureInfo.InvariantCulture) : Str(node)
        : null;

    // The text in the page language, else English, else Dutch, else any; the language taken is noted for the field's lang attribute.
    private static string? Localized(JsonNode? map, string language, string field, Dictionary<string, string> languages)
    {
        if (map is not JsonObject o)
        {
            return Str(map);
        }

        foreach (var (tag, node) in new[] { language, "en", "nl" }.Select(l => (l, o[l])).Concat(o.Select(p => (p.Key, p.Value))))
        {
            if (Str(node) is { } text)
            {
                languages[field] = tag;
                return text;
            }
        }

        return null;
    }

    private static IReadOnlyList<string> LocalizedList(JsonNode? map, string language, Dictionary<string, string> languages)
    {
        if (map is not JsonObject o)
        {
            return map is JsonArray plain ? [.. plain.Select(Str).OfType<string>()] : [];
        }

        var tag = new[] { language, "en", "nl" }.FirstOrDefault(l => o[l] is JsonArray);
        if (tag is null)
        {
            return [];
        }

        languages[LearningOutcomesField] = tag;
        return [.. ((JsonArray)o[tag]!).Select(Str).OfType<string>()];
    }

    private static string? Hours(string? duration)
    {
        if (duration is null)
        {
            return null;
        }

        try
        {
            var hours = XmlConvert.ToTimeSpan(duration).TotalHours;
            return hours > 0 ? hours.ToString(CultureInfo.InvariantCulture) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static DateOnly? Date(JsonNode? node) =>
        Str(node) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var d)
            ? DateOnly.FromDateTime(d.UtcDateTime) : null;

    // Only http(s) links are ever rendered as links: a javascript: or data: URL in a credential stays text.
    private static string? HttpUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? url : null;

    private static IReadOnlyList<string> AddressLines(JsonNode? address)
    {
        var street = Str(At(address, "streetAddress"));
        var town = string.Join(" ", new[] { Str(At(address, "postalCode")), Str(At(address, "addressLocality")) }.OfType<string>());
        var country = Str(At(address, "addressCountry")) ?? Str(At(address, "addressCountryCode"));
        return [.. new[] { street, town, country }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)];
    }
}
