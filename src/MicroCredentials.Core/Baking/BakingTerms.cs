namespace MicroCredentials.Baking;

/// <summary>Wire names of OB 3.0 baking (Open Badges 3.0 "Badge Baking", STANDARDS §5).</summary>
internal static class BakingTerms
{
    /// <summary>Keyword of the PNG <c>iTXt</c> chunk.</summary>
    public const string PngKeyword = "openbadgecredential";

    /// <summary>XML namespace of the SVG <c>openbadges:credential</c> element.</summary>
    public const string SvgNamespace = "https://purl.imsglobal.org/ob/v3p0";

    /// <summary>Prefix bound to <see cref="SvgNamespace"/>.</summary>
    public const string SvgPrefix = "openbadges";

    /// <summary>Local name of the element holding the credential.</summary>
    public const string SvgElement = "credential";

    /// <summary>Attribute holding a compact JWS.</summary>
    public const string SvgVerifyAttribute = "verify";

    /// <summary>A compact JWS has three base64url parts and does not start as JSON.</summary>
    public static bool IsCompactJws(string value) =>
        !value.TrimStart().StartsWith('{') && value.Count(c => c == '.') == 2
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Throws when <paramref name="credential"/> is neither JSON nor a compact JWS.</summary>
    public static void RequireCredential(string credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(credential);
        if (!credential.TrimStart().StartsWith('{') && !IsCompactJws(credential))
        {
            throw new ArgumentException("The credential must be JSON (embedded proof) or a compact JWS.", nameof(credential));
        }
    }
}
