namespace MicroCredentials.JsonLd;

/// <summary>The URLs of the JSON-LD contexts embedded in MicroCredentials.Core (served by <see cref="EmbeddedDocumentLoader"/>).</summary>
public static class ContextUrls
{
    /// <summary>W3C Verifiable Credentials Data Model 2.0 context.</summary>
    public const string CredentialsV2 = "https://www.w3.org/ns/credentials/v2";

    /// <summary>Open Badges 3.0 context, version 3.0.3.</summary>
    public const string OpenBadgesV3p0303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>Open Badges 3.0 extensions context (1EdTech schema validator, revocation list, refresh).</summary>
    public const string OpenBadgesExtensions = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /// <summary>W3C Bitstring Status List v1 context.</summary>
    public const string StatusListV1 = "https://www.w3.org/ns/credentials/status/v1";

    /// <summary>Multikey v1 context.</summary>
    public const string MultikeyV1 = "https://w3id.org/security/multikey/v1";

    /// <summary>W3C DID v1 context.</summary>
    public const string DidV1 = "https://www.w3.org/ns/did/v1";

    /// <summary>
    /// Our micro-credential extension context at its first address. Credentials issued before the context followed the
    /// deployment's address name this URL; it keeps resolving to the embedded copy.
    /// </summary>
    public const string MicroCredentialV1 = "https://credentials.nova-academy.be/contexts/microcredential-v1.jsonld";

    /// <summary>The path of our context under a deployment's public base address (the host serves it there).</summary>
    public const string MicroCredentialV1Path = "/contexts/microcredential-v1.jsonld";

    /// <summary>Our context's URL under a public base address: <c>&lt;base&gt;/contexts/microcredential-v1.jsonld</c>.</summary>
    public static string MicroCredentialV1At(string publicBaseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicBaseUrl);
        return publicBaseUrl.TrimEnd('/') + MicroCredentialV1Path;
    }

    /// <summary>
    /// True for our context at any deployment's address: an absolute http(s) URL without query, fragment or user info
    /// whose path ends in <see cref="MicroCredentialV1Path"/>. The document is versioned and never changes, so every
    /// deployment serves the same bytes and the embedded copy stands for all of them.
    /// </summary>
    public static bool IsMicroCredentialV1(string? url) =>
        url is not null && (url == MicroCredentialV1 || (Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            && uri.AbsolutePath.EndsWith(MicroCredentialV1Path, StringComparison.Ordinal)
            && url.EndsWith(MicroCredentialV1Path, StringComparison.Ordinal)));
}
