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

    /// <summary>Our micro-credential extension context.</summary>
    public const string MicroCredentialV1 = "https://credentials.nova-academy.be/contexts/microcredential-v1.jsonld";
}
