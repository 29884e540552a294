using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MicroCredentials.SdJwt;

/// <summary>Signs an SD-JWT (RFC 9901 §4): the issuer-signed JWT, then each disclosure, each followed by <c>~</c>.</summary>
public static class SdJwtIssuer
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Signs the payload with the issuer's key (header <c>alg</c>, <c>kid</c>, <c>typ</c>[, <c>x5c</c>]).</summary>
    /// <param name="payload">The payload and its disclosures (from <see cref="SdJwtPayloadBuilder"/>).</param>
    /// <param name="key">The issuer's JWT signing key.</param>
    /// <param name="type">The header <c>typ</c> (for an SD-JWT VC: <c>dc+sd-jwt</c>).</param>
    /// <param name="x5c">The certificate chain (base64 DER, leaf first) to put in the header, or null.</param>
    /// <returns><c>&lt;JWT&gt;~&lt;disclosure 1&gt;~…~&lt;disclosure n&gt;~</c>.</returns>
    public static string Issue(SdJwtPayload payload, JwtSigningKey key, string type, IReadOnlyList<string>? x5c = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var header = new Dictionary<string, object> { [JwtClaims.Typ] = type };
        if (x5c is { Count: > 0 })
        {
            header["x5c"] = x5c.ToList();
        }

        var jwt = Handler.CreateToken(SdJwtJson.Compact(payload.Payload), key.SigningCredentials, header);
        return jwt + SdJwtTerms.Separator + string.Concat(payload.Disclosures.Select(d => d.Encoded + SdJwtTerms.Separator));
    }
}
