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

    /// <summary>Reads a credential for a page in <paramref name="language"/> (catalogue texts fall back to English, then Dutch).</summary>
    public static CredentialView From(JsonObject credential, string language)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var issuer = credential["issuer"];
        var subject = credential["credentialSubject"] is JsonArray subjects ? subjects.FirstOrDefault() : credential["credentialSubject"];
        var achievement = Get(subject, "achievement");
        var name = (Get(subject, "identifier") as JsonArray)?
            .FirstOrDefault(i => Str(Get(i, "identityType")) == Ob3Terms.IdentityTypeName && Get(i, "hashed") is JsonValue h && h.TryGetValue<bool>(out var hashed) && !hashed);
        var result = (Get(subject, "result") as JsonArray)?.FirstOrDefault();
        var descriptionId = Str(Get(result, "resultDescription"));
        var scale = (Get(achievement, "resultDescription") as JsonArray)?.FirstOrDefault(d => descriptionId is not null && Str(Get(d, "id")) == descriptionId);
        var proof = credential["proof"] is JsonArray proofs ? proofs.FirstOrDefault() : credential["proof"];
        var address = Get(issuer, "address");

        return new CredentialView
        {
            Id = Str(credential["id"]),
            LearnerName = Str(Get(name, "identityHash")),
            Title = Localized(Get(achievement, "localizedName"), language) ?? Str(Get(achievement, "name")) ?? Str(credential["name"]),
            Description = Localized(Get(achievement, "localizedDescription"), language) ?? Str(Get(achievement, "description")),
            LearningOutcomes = LocalizedList(Get(achievement, "learningOutcome"), language),
            Ects = Number(Get(achievement, "ectsCredits")) ?? Number(Get(subject, "creditsEarned")) ?? Number(Get(achievement, "creditsAvailable")),
            WorkloadHours = Hours(Str(Get(achievement, "notionalWorkload"))),
            EqfLevel = Str(Get(achievement, "eqfLevel")) is { } eqf && eqf.StartsWith(Ob3Terms.EqfLevelPrefix, StringComparison.Ordinal) ? eqf[Ob3Terms.EqfLevelPrefix.Length..] : null,
            Grade = Number(Get(result, "value")),
            GradeScaleName = Str(Get(scale, "name")),
            GradeMax = Number(Get(scale, "valueMax")),
            GradePass = Number(Get(scale, "requiredValue")),
            AwardedOn = Date(credential["awardedDate"]),
            IssuedOn = Date(credential["validFrom"] ?? credential["issuanceDate"]),
            ValidUntil = Date(credential["validUntil"] ?? credential["expirationDate"]),
            PeriodStart = Date(Get(subject, "activityStartDate")),
            PeriodEnd = Date(Get(subject, "activityEndDate")),
            Assessment = Localized(Get(achievement, "assessmentType"), language),
            Participation = Localized(Get(achievement, "participationMode"), language),
            Supervision = Localized(Get(achievement, "supervisionAndIdVerification"), language),
            QualityAssurance = Localized(Get(achievement, "qualityAssurance"), language),
            Prerequisites = Localized(Get(achievement, "prerequisites"), language),
            Stackability = Localized(Get(achievement, "stackability"), language),
            FieldOfStudy = Str(Get(achievement, "fieldOfStudy")),
            CourseUrl = HttpUrl(Str(Get(Get(achievement, "criteria"), "id"))),
            IssuerName = issuer is JsonValue ? Str(issuer) : Str(Get(issuer, "name")) ?? Str(Get(issuer, "id")),
            IssuerId = issuer is JsonValue ? Str(issuer) : Str(Get(issuer, "id")),
            IssuerUrl = HttpUrl(Str(Get(issuer, "url"))),
            IssuerEmail = Str(Get(issuer, "email")),
            IssuerAddress = AddressLines(address),
            ProofType = Str(Get(proof, "cryptosuite")) ?? Str(Get(proof, "type")),
            VerificationMethod = Str(Get(proof, "verificationMethod")),
            ProofCreated = Str(Get(proof, "created")),
        };
    }

    /// <summary>A number (ECTS, grade) in the current culture: <c>15,5</c> in Dutch, <c>15.5</c> in English.</summary>
    public static string FormatNumber(string? invariant) =>
        invariant is not null && decimal.TryParse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.###", CultureInfo.CurrentCulture)
            : invariant ?? string.Empty;

    /// <summary>A date in the current culture, e.g. <c>6 februari 2026</c>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    // A member of an object; null for anything else (an array or a string where an object is expected is not an error).
    private static JsonNode? Get(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static string? Number(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<decimal>(out var d) ? d.ToString(CultureInfo.InvariantCulture) : Str(node)
        : null;

    private static string? Localized(JsonNode? map, string language) => map is JsonObject o
        ? Str(o[language]) ?? Str(o["en"]) ?? Str(o["nl"]) ?? o.Select(p => Str(p.Value)).FirstOrDefault(s => s is not null)
        : Str(map);

    private static IReadOnlyList<string> LocalizedList(JsonNode? map, string language)
    {
        var list = map is JsonObject o ? o[language] as JsonArray ?? o["en"] as JsonArray ?? o["nl"] as JsonArray : map as JsonArray;
        return list is null ? [] : [.. list.Select(Str).OfType<string>()];
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
        var street = Str(Get(address, "streetAddress"));
        var town = string.Join(" ", new[] { Str(Get(address, "postalCode")), Str(Get(address, "addressLocality")) }.OfType<string>());
        var country = Str(Get(address, "addressCountry")) ?? Str(Get(address, "addressCountryCode"));
        return [.. new[] { street, town, country }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!)];
    }
}
