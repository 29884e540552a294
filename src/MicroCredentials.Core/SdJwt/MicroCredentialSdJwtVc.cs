using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;

namespace MicroCredentials.SdJwt;

/// <summary>
/// Our award as an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc), made from the same Open Badges 3.0 credential: Open-Badges
/// shaped claims (as the EU pilots' <c>urn:eudi:micro_credential:1</c>), <c>vct</c> our type URL, <c>cnf</c> the
/// holder's key, <c>status</c> the Token Status List entry at the credential's own revocation index. Each of the
/// learner's name, the achievement's name, the grade, the learning outcomes and each date is disclosable alone;
/// the issuer, the achievement's id, type, description, ECTS and EQF level are always visible.
/// </summary>
public static class MicroCredentialSdJwtVc
{
    /// <summary>The JSON Pointers of the selectively disclosable claims (the type metadata lists the same).</summary>
    public static IReadOnlyList<string> DisclosablePaths { get; } =
    [
        "/credentialSubject/name",
        "/credentialSubject/achievement/name",
        "/credentialSubject/achievement/learningOutcome",
        "/credentialSubject/result",
        "/credentialSubject/awardedDate",
        "/credentialSubject/activityStartDate",
        "/credentialSubject/activityEndDate",
    ];

    /// <summary>Builds the claims set (before selective disclosure) from an OB 3.0 credential.</summary>
    /// <param name="credential">The signed or unsigned OB credential; not modified.</param>
    /// <param name="vct">Our type URL (public base + <see cref="SdJwtVcTerms.VctPath"/>).</param>
    /// <param name="holder">The holder's key for <c>cnf</c>, or null for an unbound credential.</param>
    /// <param name="statusIndex">The credential's revocation index.</param>
    /// <param name="statusListUri">The Token Status List's URI.</param>
    /// <exception cref="ArgumentException">The credential lacks <c>issuer.id</c>, <c>validFrom</c> or an achievement.</exception>
    public static JsonObject Claims(JsonObject credential, string vct, HolderKey? holder, int statusIndex, string statusListUri)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrWhiteSpace(vct);
        ArgumentException.ThrowIfNullOrWhiteSpace(statusListUri);
        var issuer = credential["issuer"] as JsonObject;
        var subject = credential["credentialSubject"] as JsonObject;
        var achievement = subject?["achievement"] as JsonObject;
        var issuerId = issuer is null ? null : CompactJws.StringMember(issuer, "id");
        var validFrom = Date(credential, "validFrom");
        if (issuerId is null || validFrom is null || subject is null || achievement is null)
        {
            throw new ArgumentException("The credential needs issuer.id, validFrom and credentialSubject.achievement.", nameof(credential));
        }

        var claims = new JsonObject
        {
            [JwtClaims.Iss] = issuerId,
            [SdJwtVcTerms.Vct] = vct,
            [SdJwtTerms.Iat] = validFrom.Value.ToUnixTimeSeconds(),
            [JwtClaims.Nbf] = validFrom.Value.ToUnixTimeSeconds(),
        };
        if (Date(credential, "validUntil") is { } until)
        {
            claims[JwtClaims.Exp] = until.ToUnixTimeSeconds();
        }

        if (holder is not null)
        {
            claims[SdJwtTerms.Cnf] = new JsonObject { [SdJwtTerms.Jwk] = holder.Jwk.DeepClone() };
        }

        claims[SdJwtVcTerms.Status] = new JsonObject
        {
            [SdJwtVcTerms.StatusList] = new JsonObject { [SdJwtVcTerms.Idx] = statusIndex, [SdJwtVcTerms.Uri] = statusListUri },
        };
        claims["issuer"] = Copy(issuer!, "id", "name", "url");
        claims["credentialSubject"] = Subject(credential, subject, achievement);
        return claims;
    }

    /// <summary>Builds the SD-JWT payload with the disclosures of <see cref="DisclosablePaths"/> that the claims have.</summary>
    /// <param name="claims">From <see cref="Claims"/>.</param>
    /// <param name="decoys">Decoy digests per object (hide how many claims there are).</param>
    public static SdJwtPayload Payload(JsonObject claims, int decoys = 2)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var present = DisclosablePaths.Where(path => Exists(claims, path));
        return new SdJwtPayloadBuilder { DecoysPerObject = decoys }.Build(claims, present);
    }

    private static JsonObject Subject(JsonObject credential, JsonObject subject, JsonObject achievement)
    {
        var result = new JsonObject();
        if (LearnerName(subject) is { } name)
        {
            result["name"] = name;
        }

        result["achievement"] = Copy(achievement, "id", "achievementType", "name", "description", "humanCode", "fieldOfStudy",
            "ectsCredits", "eqfLevel", "learningOutcome", "notionalWorkload");
        if (subject["result"] is JsonArray grades && grades.Count > 0)
        {
            result["result"] = new JsonArray([.. grades.OfType<JsonObject>().Select(g => (JsonNode)Copy(g, "value", "status"))]);
        }

        var awarded = credential["awardedDate"] ?? credential["validFrom"];
        if (awarded is not null)
        {
            result["awardedDate"] = awarded.DeepClone();
        }

        foreach (var date in new[] { "activityStartDate", "activityEndDate" })
        {
            if (subject[date] is { } value)
            {
                result[date] = value.DeepClone();
            }
        }

        return result;
    }

    // The learner's name is the OB identifier of identityType "name", not hashed (DESIGN §4 learner identity).
    private static string? LearnerName(JsonObject subject) =>
        (subject["identifier"] as JsonArray)?.OfType<JsonObject>()
            .Where(i => CompactJws.StringMember(i, "identityType") == "name")
            .Select(i => CompactJws.StringMember(i, "identityHash"))
            .FirstOrDefault(n => n is not null);

    private static JsonObject Copy(JsonObject source, params string[] names)
    {
        var copy = new JsonObject();
        foreach (var name in names)
        {
            if (source[name] is { } value)
            {
                copy[name] = value.DeepClone();
            }
        }

        return copy;
    }

    private static DateTimeOffset? Date(JsonObject obj, string name) =>
        CompactJws.StringMember(obj, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static bool Exists(JsonObject claims, string pointer)
    {
        JsonNode? node = claims;
        foreach (var part in pointer.Split('/').Skip(1))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
            {
                return false;
            }
        }

        return true;
    }
}
