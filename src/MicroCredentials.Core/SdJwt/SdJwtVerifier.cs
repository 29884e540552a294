using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;

namespace MicroCredentials.SdJwt;

/// <summary>
/// Verifies an SD-JWT or SD-JWT+KB (RFC 9901 §7.1 and §7.3). Never throws on bad input: every rejection is an
/// <see cref="SdJwtVerificationFailure"/>.
/// <list type="number">
/// <item>Split at <c>~</c> within <see cref="CoreLimits.MaxSdJwtLength"/> and <see cref="CoreLimits.MaxSdJwtDisclosures"/>.</item>
/// <item>The issuer JWT: <c>alg</c> ES256 or RS256, <c>typ</c> as expected, key by <c>kid</c> (or each issuer key when
/// there is none), signature verified.</item>
/// <item><c>_sd_alg</c> absent or <c>sha-256</c>; each disclosure parsed and hashed; digests replaced by their claims
/// recursively; every digest at most once, every disclosure used exactly once, no clash with a plain claim.</item>
/// <item><c>exp</c>/<c>nbf</c>/<c>iat</c> against the clock.</item>
/// <item>Key binding: <c>typ</c> <c>kb+jwt</c>, signed by <c>cnf.jwk</c>, <c>iat</c> fresh, <c>aud</c> and
/// <c>nonce</c> as expected, <c>sd_hash</c> over the presentation.</item>
/// </list>
/// </summary>
public static partial class SdJwtVerifier
{
    /// <summary>Verifies an SD-JWT.</summary>
    /// <param name="sdJwt">The SD-JWT (or SD-JWT+KB).</param>
    /// <param name="issuerKeys">The keys the issuer may have signed with.</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">Expectations; <see cref="SdJwtVerificationOptions.Default"/> when null.</param>
    public static SdJwtVerificationResult Verify(string? sdJwt, JwtKeyResolver issuerKeys, TimeProvider time, SdJwtVerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(issuerKeys);
        ArgumentNullException.ThrowIfNull(time);
        options ??= SdJwtVerificationOptions.Default;
        try
        {
            return VerifyCore(sdJwt, issuerKeys, time.GetUtcNow(), options);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or CryptographicException or ArgumentException
                                       or InvalidOperationException or OverflowException)
        {
            // A safety net: every known bad input is caught earlier with a precise reason.
            return SdJwtVerificationResult.Fail(SdJwtVerificationFailure.Malformed, "the SD-JWT could not be read: " + ex.GetType().Name);
        }
    }

    private static SdJwtVerificationResult VerifyCore(string? sdJwt, JwtKeyResolver issuerKeys, DateTimeOffset now, SdJwtVerificationOptions options)
    {
        var parts = SdJwtParts.TryParse(sdJwt, out var error);
        if (parts is null)
        {
            return SdJwtVerificationResult.Fail(SdJwtVerificationFailure.Malformed, error!);
        }

        var jws = CompactJws.TryRead(parts.IssuerJwt, out error);
        if (jws is null)
        {
            return SdJwtVerificationResult.Fail(SdJwtVerificationFailure.Malformed, "issuer JWT: " + error);
        }

        var signed = CheckIssuerSignature(jws, issuerKeys, options, out var keyId);
        if (signed is not null)
        {
            return signed;
        }

        var sdAlg = jws.Payload.TryGetPropertyValue(SdJwtTerms.SdAlg, out var alg) ? alg : JsonValue.Create(SdJwtTerms.Sha256);
        if (sdAlg is not JsonValue algValue || !algValue.TryGetValue<string>(out var algName) || algName != SdJwtTerms.Sha256)
        {
            return Fail(SdJwtVerificationFailure.UnsupportedHashAlgorithm, "_sd_alg must be sha-256", jws.Header);
        }

        var processed = ProcessDisclosures(jws, parts.Disclosures, out var disclosedPaths);
        if (processed.Failure is not null)
        {
            return processed with { Header = jws.Header };
        }

        var payload = processed.Payload!;
        var timing = CheckTimes(payload, now, options.ClockSkew, jws.Header);
        if (timing is not null)
        {
            return timing;
        }

        var holderKey = payload.TryGetPropertyValue(SdJwtTerms.Cnf, out var cnf) && cnf is JsonObject cnfObject
            && cnfObject.TryGetPropertyValue(SdJwtTerms.Jwk, out var jwk) ? HolderKey.TryFromJwk(jwk, out _) : null;
        var result = new SdJwtVerificationResult
        {
            Header = jws.Header,
            Payload = payload,
            IssuerKeyId = keyId,
            DisclosedPaths = disclosedPaths,
            HolderKey = holderKey,
        };
        return CheckKeyBinding(result, parts, now, options);
    }

    private static SdJwtVerificationResult? CheckIssuerSignature(CompactJws jws, JwtKeyResolver issuerKeys, SdJwtVerificationOptions options, out string? keyId)
    {
        keyId = null;
        if (jws.Algorithm is not (JwtClaims.ES256 or JwtClaims.RS256))
        {
            return Fail(SdJwtVerificationFailure.UnsupportedAlgorithm, $"alg '{jws.Algorithm}' is not ES256 or RS256", jws.Header);
        }

        if (options.ExpectedType is { } type && jws.Type != type)
        {
            return Fail(SdJwtVerificationFailure.WrongType, $"typ must be '{type}'", jws.Header);
        }

        var kid = CompactJws.StringMember(jws.Header, JwtClaims.Kid);
        IEnumerable<JwtPublicKey> candidates = kid is null
            ? issuerKeys.Keys
            : issuerKeys.FindByKeyId(kid) is { } found ? [found] : [];
        var any = false;
        foreach (var key in candidates.Where(k => k.Algorithm == jws.Algorithm))
        {
            any = true;
            if (key.VerifySignature(jws.SigningInput, jws.Signature))
            {
                keyId = key.KeyId;
                return null;
            }
        }

        return any
            ? Fail(SdJwtVerificationFailure.SignatureInvalid, "the signature does not verify with the issuer's key", jws.Header)
            : Fail(SdJwtVerificationFailure.UnknownKey, kid is null ? "no issuer key for this algorithm" : $"no issuer key '{kid}'", jws.Header);
    }

    private static SdJwtVerificationResult? CheckTimes(JsonObject payload, DateTimeOffset now, TimeSpan skew, JsonObject header)
    {
        var seconds = now.ToUnixTimeSeconds();
        var slack = (long)skew.TotalSeconds;
        if (CompactJws.NumericDate(payload, "exp") is { } exp && seconds - slack >= exp)
        {
            return Fail(SdJwtVerificationFailure.Expired, "exp has passed", header);
        }

        if (CompactJws.NumericDate(payload, "nbf") is { } nbf && seconds + slack < nbf)
        {
            return Fail(SdJwtVerificationFailure.NotYetValid, "nbf lies in the future", header);
        }

        if (CompactJws.NumericDate(payload, SdJwtTerms.Iat) is { } iat && seconds + slack < iat)
        {
            return Fail(SdJwtVerificationFailure.NotYetValid, "iat lies in the future", header);
        }

        return null;
    }

    private static SdJwtVerificationResult Fail(SdJwtVerificationFailure failure, string detail, JsonObject? header) =>
        SdJwtVerificationResult.Fail(failure, detail, header);
}
