using System.Globalization;

namespace MicroCredentials.Keys;

/// <summary>
/// The <c>did:web</c> method (W3C CCG did:web Method Specification §3.2): the DID of a web address and the URL of its
/// DID document. Our issuer id is the did:web of the public base URL (DESIGN §4).
/// </summary>
public static class DidWeb
{
    /// <summary>The method prefix.</summary>
    public const string Prefix = "did:web:";

    /// <summary>The file name of a DID document at a path.</summary>
    public const string DocumentFileName = "did.json";

    /// <summary>Where the DID document of a bare domain lives.</summary>
    public const string WellKnownPath = "/.well-known/did.json";

    /// <summary>
    /// The did:web of a base URL.
    /// <list type="number">
    /// <item>Take the host (IDN in punycode, lower case).</item>
    /// <item>A non-default port is appended percent-encoded: <c>host%3Aport</c>.</item>
    /// <item>Each path segment (trailing slash dropped) is appended after a colon; a colon inside a segment is
    /// percent-encoded.</item>
    /// </list>
    /// <c>https://credentials.example.be</c> → <c>did:web:credentials.example.be</c>;
    /// <c>https://example.be:8443/academy/credentials/</c> → <c>did:web:example.be%3A8443:academy:credentials</c>.
    /// The DID always resolves over https, whatever the scheme of the base URL (http is accepted for local runs).
    /// </summary>
    /// <exception cref="ArgumentException">The URL is relative, not http(s), or has user info, a query or a fragment.</exception>
    public static string FromBaseUrl(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri || (publicBaseUrl.Scheme != Uri.UriSchemeHttps && publicBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The public base URL must be an absolute https URL.", nameof(publicBaseUrl));
        }

        if (publicBaseUrl.UserInfo.Length > 0 || publicBaseUrl.Query.Length > 0 || publicBaseUrl.Fragment.Length > 0)
        {
            throw new ArgumentException("The public base URL must not have user info, a query or a fragment.", nameof(publicBaseUrl));
        }

        var did = Prefix + publicBaseUrl.IdnHost.ToLowerInvariant();
        if (!publicBaseUrl.IsDefaultPort)
        {
            did += "%3A" + publicBaseUrl.Port.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var segment in publicBaseUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            did += ":" + segment.Replace(":", "%3A", StringComparison.Ordinal);
        }

        return did;
    }

    /// <summary>
    /// The https URL of a did:web DID document: <c>did:web:example.be</c> → <c>https://example.be/.well-known/did.json</c>;
    /// <c>did:web:example.be%3A8443:a:b</c> → <c>https://example.be:8443/a/b/did.json</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Not a did:web DID (or a DID URL with a path, query or fragment).</exception>
    public static Uri ToDidDocumentUrl(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (!did.StartsWith(Prefix, StringComparison.Ordinal) || did.Length == Prefix.Length
            || did.IndexOfAny(['#', '?', '/']) >= 0)
        {
            throw new ArgumentException($"'{did}' is not a did:web DID.", nameof(did));
        }

        var parts = did[Prefix.Length..].Split(':');
        if (parts.Any(p => p.Length == 0))
        {
            throw new ArgumentException($"'{did}' has an empty segment.", nameof(did));
        }

        var host = Uri.UnescapeDataString(parts[0]);
        var path = parts.Length == 1
            ? WellKnownPath
            : "/" + string.Join('/', parts.Skip(1).Select(p => p.Replace("%3A", ":", StringComparison.OrdinalIgnoreCase))) + "/" + DocumentFileName;
        return Uri.TryCreate("https://" + host + path, UriKind.Absolute, out var url) && url.Host.Length > 0
            ? url
            : throw new ArgumentException($"'{did}' does not name a valid host.", nameof(did));
    }
}
