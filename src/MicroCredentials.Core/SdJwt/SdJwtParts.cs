namespace MicroCredentials.SdJwt;

/// <summary>
/// An SD-JWT split at its <c>~</c> separators (RFC 9901 §4): the issuer-signed JWT, the encoded disclosures and the
/// key binding JWT (empty when the SD-JWT ends with <c>~</c>). Only the shape is checked here, within the bounds.
/// </summary>
/// <param name="IssuerJwt">The issuer-signed JWT.</param>
/// <param name="Disclosures">The encoded disclosures, in the order sent.</param>
/// <param name="KeyBindingJwt">The key binding JWT, or null.</param>
/// <param name="SdHashInput">Everything up to and including the last <c>~</c>: what <c>sd_hash</c> covers.</param>
public sealed record SdJwtParts(string IssuerJwt, IReadOnlyList<string> Disclosures, string? KeyBindingJwt, string SdHashInput)
{
    /// <summary>Splits an SD-JWT or SD-JWT+KB; null (and a reason) when it is not one.</summary>
    public static SdJwtParts? TryParse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "the SD-JWT is empty";
            return null;
        }

        if (text.Length > CoreLimits.MaxSdJwtLength)
        {
            error = $"the SD-JWT is longer than {CoreLimits.MaxSdJwtLength} characters";
            return null;
        }

        var last = text.LastIndexOf(SdJwtTerms.Separator);
        if (last < 0)
        {
            error = "an SD-JWT has at least one '~'";
            return null;
        }

        // Count before splitting, so a flood of separators costs nothing.
        var separators = text.AsSpan().Count(SdJwtTerms.Separator);
        if (separators - 1 > CoreLimits.MaxSdJwtDisclosures)
        {
            error = $"the SD-JWT has more than {CoreLimits.MaxSdJwtDisclosures} disclosures";
            return null;
        }

        var parts = text[..last].Split(SdJwtTerms.Separator);
        if (parts[0].Length == 0 || parts.Skip(1).Any(p => p.Length == 0))
        {
            error = "an SD-JWT has no empty parts between '~'";
            return null;
        }

        var keyBinding = last == text.Length - 1 ? null : text[(last + 1)..];
        return new SdJwtParts(parts[0], parts[1..], keyBinding, text[..(last + 1)]);
    }
}
