using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.SdJwt;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MicroCredentials.Status;

/// <summary>
/// The signed Status List Token in JWT form (draft-ietf-oauth-status-list §5.1): header <c>typ</c>
/// <c>statuslist+jwt</c>; claims <c>sub</c> (the token's own URI, which referenced tokens name in
/// <c>status.status_list.uri</c>), <c>iat</c>, <c>exp</c>, <c>ttl</c> and <c>status_list</c> {<c>bits</c>, <c>lst</c>}.
/// </summary>
public static class TokenStatusListToken
{
    /// <summary>The JOSE <c>typ</c> and the media type is <c>application/statuslist+jwt</c>.</summary>
    public const string Type = "statuslist+jwt";

    /// <summary>The media type the token is served with.</summary>
    public const string MediaType = "application/statuslist+jwt";

    /// <summary>The claim holding the list.</summary>
    public const string StatusListClaim = "status_list";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Signs a status list token.</summary>
    /// <param name="list">The list.</param>
    /// <param name="uri">Where it is served (the <c>sub</c>).</param>
    /// <param name="issuedAt">The <c>iat</c>.</param>
    /// <param name="timeToLive">How long a relying party may cache it (<c>ttl</c>); <c>exp</c> is a day later than that.</param>
    /// <param name="key">The issuer's ES256 key (the one that signs the SD-JWT VCs).</param>
    public static string Sign(TokenStatusList list, string uri, DateTimeOffset issuedAt, TimeSpan timeToLive, JwtSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        ArgumentNullException.ThrowIfNull(key);
        var payload = new JsonObject
        {
            ["sub"] = uri,
            ["iss"] = key.PublicKey.Controller,
            [SdJwtTerms.Iat] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = (issuedAt + timeToLive + TimeSpan.FromDays(1)).ToUnixTimeSeconds(),
            ["ttl"] = (long)timeToLive.TotalSeconds,
            [StatusListClaim] = new JsonObject { ["bits"] = list.Bits, ["lst"] = list.Encode() },
        };
        return Handler.CreateToken(payload.ToJsonString(), key.SigningCredentials, new Dictionary<string, object> { [JwtClaims.Typ] = Type });
    }

    /// <summary>
    /// Reads and verifies a status list token (§8.3): size bound, <c>typ</c>, signature by one of the issuer's keys,
    /// <c>sub</c> equal to the URI it was fetched from, not expired, and a decodable list.
    /// </summary>
    /// <param name="jwt">The token.</param>
    /// <param name="uri">The URI the referenced token named.</param>
    /// <param name="issuerKeys">The issuer's keys.</param>
    /// <param name="now">The current time.</param>
    /// <param name="error">Why it was refused, or null.</param>
    public static TokenStatusList? TryRead(string? jwt, string uri, JwtKeyResolver issuerKeys, DateTimeOffset now, out string? error)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(issuerKeys);
        if (jwt is { Length: > CoreLimits.TokenStatusListTokenLength })
        {
            error = $"the status list token is longer than {CoreLimits.TokenStatusListTokenLength} characters";
            return null;
        }

        var jws = CompactJws.TryRead(jwt, out error);
        if (jws is null)
        {
            return null;
        }

        if (jws.Type != Type || jws.VerifiedBy(issuerKeys) is null)
        {
            error = "the status list token is not a statuslist+jwt signed by the issuer";
            return null;
        }

        if (CompactJws.StringMember(jws.Payload, "sub") != uri)
        {
            error = "the status list token's sub is not the URI it was fetched from";
            return null;
        }

        if (CompactJws.NumericDate(jws.Payload, "exp") is { } exp && now.ToUnixTimeSeconds() >= exp)
        {
            error = "the status list token has expired";
            return null;
        }

        if (jws.Payload[StatusListClaim] is not JsonObject statusList
            || statusList["bits"] is not JsonValue bitsValue || !bitsValue.TryGetValue<int>(out var bits)
            || CompactJws.StringMember(statusList, "lst") is not { } lst)
        {
            error = "the status list token has no status_list {bits, lst}";
            return null;
        }

        return TokenStatusList.TryDecode(bits, lst, out error);
    }
}
