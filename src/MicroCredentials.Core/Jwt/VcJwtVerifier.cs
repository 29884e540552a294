using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroCredentials.Jwt;

/// <summary>
/// Verifies a VC-JWT as OB 3.0 specifies (§"JSON Web Token Proof Format", verification; STANDARDS §2.1), strictly:
/// only RS256/ES256, only the header members OB allows, only the issuer's own keys, and every JWT claim must
/// mirror the credential. Never throws on bad input: every rejection is a <see cref="JwtVerificationFailure"/>.
/// </summary>
public static partial class VcJwtVerifier
{
    private static readonly JsonDocumentOptions StrictJson = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>
    /// Verifies a compact JWS.
    /// <list type="number">
    /// <item>Three base64url parts (no padding, no whitespace), within the size limits; header a JSON object with no
    /// duplicate members (else <see cref="JwtVerificationFailure.Malformed"/>).</item>
    /// <item><c>alg</c> is RS256 or ES256 (<see cref="JwtVerificationFailure.UnsupportedAlgorithm"/>); header members
    /// only <c>alg</c>, <c>kid</c>, <c>jwk</c>, <c>typ</c>, and <c>typ</c> if present is "JWT"
    /// (<see cref="JwtVerificationFailure.ForbiddenHeader"/>); a <c>jwk</c> has no private parts
    /// (<see cref="JwtVerificationFailure.PrivateKeyInHeader"/>).</item>
    /// <item>The key is found by <c>kid</c> or by the <c>jwk</c> thumbprint in <paramref name="keys"/>, and both agree
    /// when both are present (<see cref="JwtVerificationFailure.UnknownKey"/>).</item>
    /// <item>RFC 7515 §5.2 signature check with that key (<see cref="JwtVerificationFailure.SignatureInvalid"/>).</item>
    /// <item>The payload is a credential object (<see cref="JwtVerificationFailure.NotACredential"/>) whose claims
    /// mirror it: <c>iss</c> = <c>issuer.id</c> = the key's controller, <c>jti</c> = <c>id</c>, <c>nbf</c> =
    /// <c>validFrom</c>, <c>sub</c> = <c>credentialSubject.id</c>, <c>exp</c> = <c>validUntil</c>, each absent when
    /// its source is (<see cref="JwtVerificationFailure.ClaimsMismatch"/>).</item>
    /// <item><c>validFrom</c> not in the future and <c>validUntil</c> not past, give or take
    /// <see cref="VcJwtVerificationOptions.ClockSkew"/> (<see cref="JwtVerificationFailure.NotYetValid"/>,
    /// <see cref="JwtVerificationFailure.Expired"/>).</item>
    /// </list>
    /// The legacy VC 1.1 form with a <c>vc</c> claim is not accepted (we never issue it): it reads as NotACredential.
    /// </summary>
    /// <param name="jwt">The compact JWS; null or empty reads as malformed.</param>
    /// <param name="keys">The issuer's key set (current and retired keys).</param>
    /// <param name="time">The clock.</param>
    /// <param name="options">Tolerances; <see cref="VcJwtVerificationOptions.Default"/> when null.</param>
    /// <returns>The verified payload (the credential plus its JWT claims), or the reason for rejection.</returns>
    public static JwtVerificationResult Verify(string? jwt, JwtKeyResolver keys, TimeProvider time, VcJwtVerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        options ??= VcJwtVerificationOptions.Default;
        if (options.ClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("The clock skew must not be negative.", nameof(options));
        }

        try
        {
            return VerifyCore(jwt, keys, time, options);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or CryptographicException
                                       or ArgumentException or InvalidOperationException or OverflowException)
        {
            // A safety net: every known bad input is caught earlier with a precise reason.
            return JwtVerificationResult.Fail(JwtVerificationFailure.Malformed, "the token could not be read: " + ex.GetType().Name);
        }
    }

    private static JwtVerificationResult VerifyCore(string? jwt, JwtKeyResolver keys, TimeProvider time, VcJwtVerificationOptions options)
    {
        if (string.IsNullOrEmpty(jwt))
        {
            return Malformed("the token is empty");
        }

        if (jwt.Length > options.MaxTokenLength)
        {
            return Malformed($"the token is longer than {options.MaxTokenLength} characters");
        }

        var firstDot = jwt.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : jwt.IndexOf('.', firstDot + 1);
        if (secondDot < 0 || jwt.IndexOf('.', secondDot + 1) >= 0)
        {
            return Malformed("a compact JWS has exactly three parts");
        }

        if (firstDot > options.MaxHeaderLength)
        {
            return Malformed($"the header is longer than {options.MaxHeaderLength} characters");
        }

        var headerResult = ReadHeader(jwt.AsSpan(0, firstDot), keys, out var header);
        if (headerResult is not null)
        {
            return headerResult;
        }

        var key = header.Key;
        if (!StrictBase64Url.TryDecode(jwt.AsSpan(firstDot + 1, secondDot - firstDot - 1), out var payloadBytes)
            || !StrictBase64Url.TryDecode(jwt.AsSpan(secondDot + 1), out var signature) || signature.Length == 0)
        {
            return Malformed("the payload or signature is not base64url", key.KeyId, header.Algorithm);
        }

        if (key.Algorithm != header.Algorithm)
        {
            return Fail(JwtVerificationFailure.SignatureInvalid, $"the key is an {key.Algorithm} key but the header says {header.Algorithm}", key, header.Algorithm);
        }

        // The signing input is the ASCII of the first two parts as received (RFC 7515 §5.2 step 8).
        if (!key.VerifySignature(System.Text.Encoding.ASCII.GetBytes(jwt, 0, secondDot), signature))
        {
            return Fail(JwtVerificationFailure.SignatureInvalid, "the signature does not verify with the issuer's key", key, header.Algorithm);
        }

        return CheckPayload(payloadBytes, key, header.Algorithm, time.GetUtcNow(), options.ClockSkew);
    }

    private static JwtVerificationResult Malformed(string detail, string? keyId = null, string? algorithm = null) =>
        JwtVerificationResult.Fail(JwtVerificationFailure.Malformed, detail, keyId, algorithm);

    private static JwtVerificationResult Fail(JwtVerificationFailure failure, string detail, JwtPublicKey key, string algorithm) =>
        JwtVerificationResult.Fail(failure, detail, key.KeyId, algorithm);
}
