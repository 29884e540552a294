using System.Text.Json.Nodes;

namespace MicroCredentials.SdJwt;

/// <summary>The holder's side (RFC 9901 §4.3, §7.2): choose disclosures and, if asked, add a key binding JWT.</summary>
public static class SdJwtPresentation
{
    /// <summary>Builds an SD-JWT (no key binding) with only the chosen disclosures.</summary>
    /// <param name="issued">The SD-JWT as issued.</param>
    /// <param name="keep">Which disclosures to keep.</param>
    /// <exception cref="ArgumentException">The SD-JWT cannot be split or a disclosure cannot be read.</exception>
    public static string Select(string issued, Func<SdJwtDisclosure, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(issued);
        ArgumentNullException.ThrowIfNull(keep);
        var parsed = SdJwtParts.TryParse(issued, out var error) ?? throw new ArgumentException(error, nameof(issued));
        var kept = new List<string>();
        foreach (var encoded in parsed.Disclosures)
        {
            var disclosure = SdJwtDisclosure.TryParse(encoded, out error) ?? throw new ArgumentException(error, nameof(issued));
            if (keep(disclosure))
            {
                kept.Add(encoded);
            }
        }

        return parsed.IssuerJwt + SdJwtTerms.Separator + string.Concat(kept.Select(d => d + SdJwtTerms.Separator));
    }

    /// <summary>Appends a key binding JWT (<c>typ</c> <c>kb+jwt</c>; <c>iat</c>, <c>aud</c>, <c>nonce</c>, <c>sd_hash</c>).</summary>
    /// <param name="sdJwt">An SD-JWT ending in <c>~</c> (as <see cref="Select"/> gives).</param>
    /// <param name="holderKey">The key whose public half is the SD-JWT's <c>cnf.jwk</c>.</param>
    /// <param name="audience">The verifier.</param>
    /// <param name="nonce">The verifier's nonce.</param>
    /// <param name="issuedAt">The presentation time.</param>
    public static string AddKeyBinding(string sdJwt, HolderSigningKey holderKey, string audience, string nonce, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(sdJwt);
        ArgumentNullException.ThrowIfNull(holderKey);
        if (!sdJwt.EndsWith(SdJwtTerms.Separator))
        {
            throw new ArgumentException("An SD-JWT ends with '~'.", nameof(sdJwt));
        }

        var payload = new JsonObject
        {
            [SdJwtTerms.Iat] = issuedAt.ToUnixTimeSeconds(),
            [SdJwtTerms.Aud] = audience,
            [SdJwtTerms.Nonce] = nonce,
            [SdJwtTerms.SdHash] = SdJwtDisclosure.DigestOf(sdJwt),
        };
        return sdJwt + holderKey.SignJws(new JsonObject { ["typ"] = SdJwtTerms.KeyBindingJwtType }, payload);
    }
}
