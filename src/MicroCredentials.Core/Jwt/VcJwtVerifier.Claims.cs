using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Model;

namespace MicroCredentials.Jwt;

/// <summary>The payload checks: credential shape, claims mirroring the credential, validity period.</summary>
public static partial class VcJwtVerifier
{
    private const string VerifiableCredentialType = "VerifiableCredential";

    private static JwtVerificationResult CheckPayload(byte[] payloadBytes, JwtPublicKey key, string alg, DateTimeOffset now, TimeSpan skew)
    {
        // The one parse entry point of credential JSON: repeated members and lone surrogates are rejected here, by name.
        var parsed = CredentialJson.TryParse(payloadBytes);
        if (parsed.Failure is not (null or JsonParseFailure.NotAnObject))
        {
            return Fail(JwtVerificationFailure.Malformed, "the payload is not readable JSON. " + parsed.Problem, key, alg);
        }

        if (parsed.Document is not { } credential || !LooksLikeCredential(credential))
        {
            return Fail(JwtVerificationFailure.NotACredential,
                "the payload is not a verifiable credential (@context, type VerifiableCredential, issuer, credentialSubject)", key, alg);
        }

        var claims = CredentialClaims.Read(credential, out var datesWellFormed);
        if (!datesWellFormed)
        {
            return Fail(JwtVerificationFailure.NotACredential, "validFrom or validUntil is not a date-time with a time zone", key, alg);
        }

        var mismatch = FindMismatch(credential, claims, key);
        if (mismatch is not null)
        {
            return Fail(JwtVerificationFailure.ClaimsMismatch, mismatch, key, alg);
        }

        if (claims.ValidFrom!.Value > now + skew)
        {
            return Fail(JwtVerificationFailure.NotYetValid, "the credential is not valid yet (validFrom is in the future)", key, alg);
        }

        if (claims.ValidUntil is { } until && now - skew >= until)
        {
            return Fail(JwtVerificationFailure.Expired, "the credential has expired (validUntil has passed)", key, alg);
        }

        return JwtVerificationResult.Success(credential, key.KeyId, alg);
    }

    private static bool LooksLikeCredential(JsonObject credential)
    {
        var context = credential["@context"];
        var firstContext = context is JsonArray array && array.Count > 0 ? array[0] : context;
        var types = credential["type"] is JsonArray typeArray ? typeArray : new JsonArray(credential["type"]?.DeepClone());
        return TryString(firstContext, out var first) && first == Ob3Terms.VcV2Context
            && types.Any(t => TryString(t, out var type) && type == VerifiableCredentialType)
            && credential[CredentialClaims.IssuerTerm] is not null
            && credential[CredentialClaims.CredentialSubjectTerm] is JsonObject or JsonArray { Count: > 0 };
    }

    private static string? FindMismatch(JsonObject payload, CredentialClaims claims, JwtPublicKey key)
    {
        if (!StringClaim(payload, JwtClaims.Iss, out var iss) || iss != claims.IssuerId)
        {
            return "iss is not the credential's issuer.id";
        }

        if (iss != key.Controller)
        {
            return "the issuer is not the controller of the signing key";
        }

        if (claims.Id is null || !StringClaim(payload, JwtClaims.Jti, out var jti) || jti != claims.Id)
        {
            return "jti is not the credential's id";
        }

        if (claims.ValidFrom is not { } from || !NumericClaimEquals(payload, JwtClaims.Nbf, CredentialClaims.NumericDate(from)))
        {
            return "nbf is not the credential's validFrom";
        }

        if (claims.SubjectId is { } subjectId
                ? !StringClaim(payload, JwtClaims.Sub, out var sub) || sub != subjectId
                : payload.ContainsKey(JwtClaims.Sub))
        {
            return "sub is not the credential's credentialSubject.id";
        }

        if (claims.ValidUntil is { } until
                ? !NumericClaimEquals(payload, JwtClaims.Exp, CredentialClaims.NumericDate(until))
                : payload.ContainsKey(JwtClaims.Exp))
        {
            return "exp is not the credential's validUntil";
        }

        return null;
    }

    private static bool StringClaim(JsonObject payload, string name, out string value) =>
        TryString(payload[name], out value);

    private static bool NumericClaimEquals(JsonObject payload, string name, long expected) =>
        payload[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && value.TryGetValue<double>(out var number) && number == expected;
}
