using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.SdJwt;

namespace MicroCredentials.Host.Wallet;

/// <summary>
/// Checks the <c>jwt</c> key proofs of a credential request (OpenID4VCI 1.0 §8.2.1.1, Appendix F.1): <c>typ</c>
/// <c>openid4vci-proof+jwt</c>, <c>alg</c> ES256 or EdDSA, the holder key in the <c>jwk</c> header (no <c>kid</c>,
/// <c>x5c</c>), signed by it, <c>aud</c> the credential issuer, <c>iat</c> fresh, and one nonce of ours — not yet used
/// — in every proof of the batch.
/// </summary>
internal sealed class KeyProofs(CredentialStore store, WalletIssuer issuer, TimeProvider time)
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(60);

    /// <summary>The holder keys, one per proof; or the error code and description.</summary>
    public async Task<(IReadOnlyList<HolderKey>? Keys, string? Error, string? Description)> CheckAsync(JsonArray proofs, CancellationToken ct)
    {
        var keys = new List<HolderKey>();
        string? nonce = null;
        foreach (var item in proofs)
        {
            var text = item is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (text is null || text.Length > HostLimits.WalletProofMaxLength)
            {
                return (null, WalletTerms.InvalidProof, $"a jwt proof is a string of at most {HostLimits.WalletProofMaxLength} characters");
            }

            var (key, proofNonce, error) = Check(text);
            if (key is null)
            {
                return (null, WalletTerms.InvalidProof, error);
            }

            if (nonce is not null && proofNonce != nonce)
            {
                return (null, WalletTerms.InvalidProof, "all proofs of a batch carry the same nonce");
            }

            nonce = proofNonce;
            keys.Add(key);
        }

        if (nonce is null || !await store.ConsumeWalletNonceAsync(nonce, ct))
        {
            return (null, WalletTerms.InvalidNonce, "the nonce is unknown, used or expired: get a fresh one from the nonce endpoint");
        }

        return (keys, null, null);
    }

    private (HolderKey? Key, string? Nonce, string? Error) Check(string proof)
    {
        var jws = CompactJws.TryRead(proof, out var error);
        if (jws is null)
        {
            return (null, null, "the proof is not a JWS: " + error);
        }

        if (jws.Type != WalletTerms.ProofType)
        {
            return (null, null, "typ must be " + WalletTerms.ProofType);
        }

        if (jws.Header.ContainsKey("kid") || jws.Header.ContainsKey("x5c") || jws.Header.ContainsKey("trust_chain"))
        {
            return (null, null, "the holder key must be given as jwk (kid, x5c and trust_chain are not supported)");
        }

        var key = HolderKey.TryFromJwk(jws.Header["jwk"], out error);
        if (key is null)
        {
            return (null, null, "jwk: " + error);
        }

        if (jws.Algorithm != key.Algorithm || !key.VerifySignature(jws.SigningInput, jws.Signature))
        {
            return (null, null, "the proof is not signed by its jwk (ES256 or EdDSA)");
        }

        var aud = jws.Payload["aud"] switch
        {
            JsonValue one when one.TryGetValue<string>(out var a) => [a],
            JsonArray many => many.Select(a => a is JsonValue av && av.TryGetValue<string>(out var s) ? s : null).ToList(),
            _ => [],
        };
        if (!aud.Contains(issuer.Identifier))
        {
            return (null, null, "aud must be the credential issuer " + issuer.Identifier);
        }

        var now = time.GetUtcNow();
        if (CompactJws.NumericDate(jws.Payload, "iat") is not { } iat
            || iat > (now + Skew).ToUnixTimeSeconds() || iat < (now - HostLimits.WalletProofMaxAge - Skew).ToUnixTimeSeconds())
        {
            return (null, null, "iat is missing, in the future or too old");
        }

        var nonce = CompactJws.StringMember(jws.Payload, "nonce");
        return nonce is null ? (null, null, "the proof has no nonce") : (key, nonce, null);
    }
}
