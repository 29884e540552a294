namespace MicroCredentials.SdJwt;

/// <summary>RFC 9901 §7.3: the key binding JWT.</summary>
public static partial class SdJwtVerifier
{
    private static SdJwtVerificationResult CheckKeyBinding(SdJwtVerificationResult result, SdJwtParts parts, DateTimeOffset now, SdJwtVerificationOptions options)
    {
        if (parts.KeyBindingJwt is null)
        {
            return options.RequireKeyBinding
                ? result with { Failure = SdJwtVerificationFailure.KeyBindingMissing, Detail = "a key binding JWT is required" }
                : result;
        }

        if (result.HolderKey is null)
        {
            return result with { Failure = SdJwtVerificationFailure.KeyBindingMissing, Detail = "the SD-JWT has no usable cnf.jwk" };
        }

        var kb = CompactJws.TryRead(parts.KeyBindingJwt, out var error);
        if (kb is null)
        {
            return result with { Failure = SdJwtVerificationFailure.KeyBindingInvalid, Detail = "key binding JWT: " + error };
        }

        if (kb.Type != SdJwtTerms.KeyBindingJwtType || kb.Algorithm != result.HolderKey.Algorithm
            || !result.HolderKey.VerifySignature(kb.SigningInput, kb.Signature))
        {
            return result with { Failure = SdJwtVerificationFailure.KeyBindingInvalid, Detail = "the key binding JWT is not a kb+jwt signed by the cnf key" };
        }

        if (CompactJws.StringMember(kb.Payload, SdJwtTerms.SdHash) != SdJwtDisclosure.DigestOf(parts.SdHashInput))
        {
            return result with { Failure = SdJwtVerificationFailure.KeyBindingHashMismatch, Detail = "sd_hash does not match the presented SD-JWT" };
        }

        var iat = CompactJws.NumericDate(kb.Payload, SdJwtTerms.Iat);
        var seconds = now.ToUnixTimeSeconds();
        if (iat is null || iat > seconds + (long)options.ClockSkew.TotalSeconds
            || iat < seconds - (long)(options.KeyBindingMaxAge + options.ClockSkew).TotalSeconds)
        {
            return result with { Failure = SdJwtVerificationFailure.KeyBindingStale, Detail = "the key binding JWT's iat is missing, too old or in the future" };
        }

        var aud = CompactJws.StringMember(kb.Payload, SdJwtTerms.Aud);
        var nonce = CompactJws.StringMember(kb.Payload, SdJwtTerms.Nonce);
        if (aud is null || nonce is null
            || (options.ExpectedAudience is { } expectedAud && aud != expectedAud)
            || (options.ExpectedNonce is { } expectedNonce && nonce != expectedNonce))
        {
            return result with { Failure = SdJwtVerificationFailure.KeyBindingAudienceOrNonceMismatch, Detail = "the key binding JWT's aud or nonce is not the verifier's" };
        }

        return result with { KeyBound = true, KeyBindingAudience = aud, KeyBindingNonce = nonce };
    }
}
