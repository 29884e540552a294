using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.Model;

namespace MicroCredentials.Verification;

/// <summary>
/// What a person reads about a credential — issuer, learner, title, ECTS, EQF level, dates, grade — taken from the
/// credential JSON itself, tolerant of foreign OB 3.0 shapes (issuer as a string, plain-string titles). Never
/// contains the learner's e-mail.
/// </summary>
public sealed record CredentialSummary
{
    /// <summary>Credential id.</summary>
    public string? Id { get; init; }

    /// <summary>Issuer name, else its id.</summary>
    public string? IssuerName { get; init; }

    /// <summary>Issuer id (did:web or URL).</summary>
    public string? IssuerId { get; init; }

    /// <summary>Issuer country code.</summary>
    public string? IssuerCountry { get; init; }

    /// <summary>Learner name from the plain <c>name</c> identifier.</summary>
    public string? LearnerName { get; init; }

    /// <summary>Title in the requested language.</summary>
    public string? Title { get; init; }

    /// <summary>ECTS credits.</summary>
    public string? Ects { get; init; }

    /// <summary>EQF level number.</summary>
    public string? EqfLevel { get; init; }

    /// <summary>validFrom as a date.</summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>awardedDate as a date.</summary>
    public DateOnly? AwardedOn { get; init; }

    /// <summary>validUntil as a date.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Grade with its scale, e.g. <c>15 / 20</c>.</summary>
    public string? Grade { get; init; }

    /// <summary>
    /// Builds the summary for <paramref name="language"/> (<c>nl</c> or <c>en</c>). Tolerates every VC 2.0 shape: an
    /// issuer given as its IRI, a subject array (the first subject is summarised), an achievement given as an IRI,
    /// JSON-LD value objects, numbers where strings are usual; what cannot be read stays null. Never throws.
    /// </summary>
    public static CredentialSummary From(JsonObject credential, string language)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var issuer = credential["issuer"];
        var subject = JsonRead.First(credential["credentialSubject"]);
        var achievement = JsonRead.Member(subject, "achievement");
        var name = JsonRead.Many(JsonRead.Member(subject, "identifier"))
            .FirstOrDefault(i => Str(JsonRead.Member(i, "identityType")) == Ob3Terms.IdentityTypeName
                && JsonRead.Boolean(JsonRead.Member(i, "hashed")) == false);

        return new CredentialSummary
        {
            Id = Str(credential["id"]),
            IssuerId = NonBlank(JsonRead.Id(issuer)),
            IssuerName = Str(JsonRead.Member(issuer, "name")) ?? NonBlank(JsonRead.Id(issuer)),
            IssuerCountry = Str(JsonRead.Member(JsonRead.First(JsonRead.Member(issuer, "address")), "addressCountryCode")),
            LearnerName = Str(JsonRead.Member(name, "identityHash")),
            Title = Localized(JsonRead.Member(achievement, "localizedName"), language)
                ?? Localized(JsonRead.Member(achievement, "name"), language) ?? Localized(credential["name"], language),
            Ects = Num(JsonRead.Member(achievement, "ectsCredits")) ?? Num(JsonRead.Member(subject, "creditsEarned"))
                ?? Num(JsonRead.Member(achievement, "creditsAvailable")),
            EqfLevel = EqfNumber(Str(JsonRead.Member(achievement, "eqfLevel"))),
            IssuedOn = Date(credential["validFrom"] ?? credential["issuanceDate"]),
            AwardedOn = Date(credential["awardedDate"]),
            ValidUntil = Date(credential["validUntil"]),
            Grade = FormatGrade(subject, achievement),
        };
    }

    private static string? Str(JsonNode? node) => NonBlank(JsonRead.Text(node));

    private static string? NonBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string? Num(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number && v.TryGetValue<decimal>(out var d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : Str(node);

    private static string? Localized(JsonNode? map, string language) => map switch
    {
        JsonObject o when !o.ContainsKey("@value") =>
            Str(o[language]) ?? Str(o["en"]) ?? Str(o["nl"]) ?? o.Select(p => Str(p.Value)).FirstOrDefault(s => s is not null),
        JsonArray a => a.Select(item => Str(item)).FirstOrDefault(s => s is not null),
        _ => Str(map),
    };

    private static string? EqfNumber(string? iri) =>
        iri is not null && iri.StartsWith(Ob3Terms.EqfLevelPrefix, StringComparison.Ordinal) ? iri[Ob3Terms.EqfLevelPrefix.Length..] : null;

    private static DateOnly? Date(JsonNode? node) =>
        Str(node) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var d)
            ? DateOnly.FromDateTime(d.UtcDateTime) : null;

    private static string? FormatGrade(JsonNode? subject, JsonNode? achievement)
    {
        var result = JsonRead.First(JsonRead.Member(subject, "result"));
        var value = Str(JsonRead.Member(result, "value"));
        if (value is null)
        {
            return null;
        }

        var descriptionId = Str(JsonRead.Member(result, "resultDescription"));
        var description = JsonRead.Many(JsonRead.Member(achievement, "resultDescription"))
            .FirstOrDefault(d => Str(JsonRead.Member(d, "id")) == descriptionId);
        var max = Str(JsonRead.Member(description, "valueMax"));
        return max is null ? value : $"{value} / {max}";
    }
}
