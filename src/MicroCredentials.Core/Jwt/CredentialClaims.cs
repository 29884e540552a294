using System.Globalization;
using System.Text.Json.Nodes;

namespace MicroCredentials.Jwt;

/// <summary>
/// The values of a credential that OB 3.0 mirrors in JWT claims: <c>issuer.id</c> → <c>iss</c>, <c>id</c> → <c>jti</c>,
/// <c>validFrom</c> → <c>nbf</c>, <c>credentialSubject.id</c> → <c>sub</c>, <c>validUntil</c> → <c>exp</c>.
/// </summary>
internal sealed record CredentialClaims(string? IssuerId, string? Id, DateTimeOffset? ValidFrom, string? SubjectId, DateTimeOffset? ValidUntil)
{
    /// <summary>The wire names in the credential.</summary>
    public const string IdTerm = "id";
    public const string IssuerTerm = "issuer";
    public const string ValidFromTerm = "validFrom";
    public const string ValidUntilTerm = "validUntil";
    public const string CredentialSubjectTerm = "credentialSubject";

    /// <summary>Reads the values; a member of the wrong shape reads as null, a date without a time zone too.</summary>
    public static CredentialClaims Read(JsonObject credential, out bool datesWellFormed)
    {
        var issuer = credential[IssuerTerm];
        var issuerId = issuer is JsonObject profile ? Text(profile[IdTerm]) : Text(issuer);
        var subjectId = credential[CredentialSubjectTerm] is JsonObject subject ? Text(subject[IdTerm]) : null;
        var fromOk = TryDate(credential, ValidFromTerm, out var validFrom);
        var untilOk = TryDate(credential, ValidUntilTerm, out var validUntil);
        datesWellFormed = fromOk && untilOk;
        return new CredentialClaims(issuerId, Text(credential[IdTerm]), validFrom, subjectId, validUntil);
    }

    /// <summary>A JWT NumericDate: whole seconds since the epoch (RFC 7519 §2), fractions dropped.</summary>
    public static long NumericDate(DateTimeOffset value) => value.ToUnixTimeSeconds();

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    // An absent member is well formed (null); a present one must be a DateTimeZ string (time zone required).
    private static bool TryDate(JsonObject credential, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!credential.TryGetPropertyValue(name, out var node) || node is null)
        {
            return !credential.ContainsKey(name);
        }

        var text = Text(node);
        if (text is null || !HasTimeZone(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool HasTimeZone(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0)
        {
            return false;
        }

        var time = text.AsSpan(t);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.Contains('+') || time.Contains('-');
    }
}
