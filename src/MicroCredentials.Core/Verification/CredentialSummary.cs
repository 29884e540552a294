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

    /// <summary>Builds the summary for <paramref name="language"/> (<c>nl</c> or <c>en</c>).</summary>
    public static CredentialSummary From(JsonObject credential, string language)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var issuer = credential["issuer"];
        var subject = First(credential["credentialSubject"]);
        var achievement = subject?["achievement"];
        var name = (subject?["identifier"] as JsonArray)?
            .FirstOrDefault(i => Str(i?["identityType"]) == Ob3Terms.IdentityTypeName && i?["hashed"]?.GetValue<bool>() == false);

        return new CredentialSummary
        {
            Id = Str(credential["id"]),
            IssuerId = issuer is JsonValue ? Str(issuer) : Str(issuer?["id"]),
            IssuerName = issuer is JsonValue ? Str(issuer) : Str(issuer?["name"]) ?? Str(issuer?["id"]),
            IssuerCountry = Str(issuer?["address"]?["addressCountryCode"]),
            LearnerName = Str(name?["identityHash"]),
            Title = Localized(achievement?["localizedName"], language) ?? Str(achievement?["name"]) ?? Str(credential["name"]),
            Ects = Num(achievement?["ectsCredits"]) ?? Num(subject?["creditsEarned"]) ?? Num(achievement?["creditsAvailable"]),
            EqfLevel = EqfNumber(Str(achievement?["eqfLevel"])),
            IssuedOn = Date(credential["validFrom"] ?? credential["issuanceDate"]),
            AwardedOn = Date(credential["awardedDate"]),
            ValidUntil = Date(credential["validUntil"]),
            Grade = FormatGrade(subject, achievement),
        };
    }

    private static JsonNode? First(JsonNode? node) => node is JsonArray a ? a.FirstOrDefault() : node;

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static string? Num(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<decimal>(out var d) ? d.ToString(CultureInfo.InvariantCulture) : Str(node)
        : null;

    private static string? Localized(JsonNode? map, string language) => map is JsonObject o
        ? Str(o[language]) ?? Str(o["en"]) ?? Str(o["nl"]) ?? o.Select(p => Str(p.Value)).FirstOrDefault(s => s is not null)
        : Str(map);

    private static string? EqfNumber(string? iri) =>
        iri is not null && iri.StartsWith(Ob3Terms.EqfLevelPrefix, StringComparison.Ordinal) ? iri[Ob3Terms.EqfLevelPrefix.Length..] : null;

    private static DateOnly? Date(JsonNode? node) =>
        Str(node) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var d)
            ? DateOnly.FromDateTime(d.UtcDateTime) : null;

    private static string? FormatGrade(JsonNode? subject, JsonNode? achievement)
    {
        var result = (subject?["result"] as JsonArray)?.FirstOrDefault();
        var value = Str(result?["value"]);
        if (value is null)
        {
            return null;
        }

        var descriptionId = Str(result?["resultDescription"]);
        var description = (achievement?["resultDescription"] as JsonArray)?.FirstOrDefault(d => Str(d?["id"]) == descriptionId);
        var max = Str(description?["valueMax"]);
        return max is null ? value : $"{value} / {max}";
    }
}
