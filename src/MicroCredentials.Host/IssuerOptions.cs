using System.ComponentModel.DataAnnotations;

namespace MicroCredentials.Host;

/// <summary>
/// Configuration section <c>Issuer</c>. Every default works on a fresh clone (zero configuration): SQLite under
/// <c>data/</c>, the demo keys from <c>keys.example/</c> (with a loud warning) and the sample catalogue.
/// </summary>
public sealed class IssuerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Issuer";

    /// <summary>
    /// Public base URL of this host: verification links (<c>/v/{handle}</c>), the did:web issuer id and the
    /// status list URLs derive from it. Default <c>http://localhost:5000</c>.
    /// </summary>
    [Required] public Uri PublicBaseUrl { get; set; } = new("http://localhost:5000");

    /// <summary>Path of the catalogue file. Default <c>samples/catalog.json</c> (relative to the content root).</summary>
    [Required] public string CatalogPath { get; set; } = "samples/catalog.json";

    /// <summary>Storage provider: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$")] public string StorageProvider { get; set; } = "Sqlite";

    /// <summary>Connection string; default a SQLite file <c>data/microcredentials.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder with the issuer keys. Default <c>keys.example</c> (DEMO keys: a warning is logged at start).</summary>
    [Required] public string KeysPath { get; set; } = "keys.example";

    /// <summary>Password of the PKCS#12 seal file, when one is used. Default <c>demo</c> (the demo seal's).</summary>
    public string SealPassword { get; set; } = "demo";

    /// <summary>
    /// Keys in a hardware security module (section <c>Issuer:Pkcs11</c>: ModulePath, TokenLabel or Slot, Pin, labels);
    /// when its ModulePath is set, <see cref="KeysPath"/> holds only the key history. Default none: file keys.
    /// </summary>
    public Keys.Pkcs11.Pkcs11Options? Pkcs11 { get; set; }

    /// <summary>Largest accepted upload to the verification API, in bytes. Default 5 MiB.</summary>
    [Range(1024, 100 * 1024 * 1024)] public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// Base64 secret (32+ bytes) that graduates' download links derive from. Required when several hosts share
    /// PostgreSQL; by default a secret file is created next to the SQLite database.
    /// </summary>
    public string? DownloadLinkSecret { get; set; }

    /// <summary>JWT algorithm of issued VC-JWTs: RS256 (default) or ES256.</summary>
    [RegularExpression("^(RS256|ES256)$")] public string JwtAlgorithm { get; set; } = "RS256";

    /// <summary>
    /// Status profile. Default false: every credential carries one <c>credentialStatus</c> object with
    /// <c>statusPurpose: "revocation"</c>, valid against the 1EdTech OB 3.0 schema; suspension is the issuer's own state,
    /// shown by our pages, API and CLI, while other verifiers see a suspended credential as not revoked. True: the
    /// two-entry profile (revocation and suspension entries in an array), which other verifiers can read for suspension
    /// but which fails the OB 3.0 schema (ajv, the DCC schema check, the 1EdTech validator). See README, "The credential".
    /// </summary>
    public bool IncludeSuspensionStatus { get; set; }

    /// <summary>
    /// Whether credentials also identify the learner by a salted e-mail hash (<c>identityType: emailAddress</c>).
    /// Default false: by name only. Guessable when on: the hash is SHA-256(e-mail ‖ salt) with the salt in the same
    /// public credential, so anyone holding it who guesses the address (first.last@domain) has it confirmed at once.
    /// </summary>
    public bool IncludeEmailHash { get; set; }

    /// <summary>
    /// Rate limit of the public endpoints, in tokens per minute per client address (IPv6: per /64): a token bucket of
    /// this size, refilled continuously at this rate. A page or document costs 1 token (so this is still "page views per
    /// minute"), verifying a VC-JWT 2, a JSON credential 5, a PDF or baked PNG/SVG 10. Default 600.
    /// </summary>
    [Range(1, 1_000_000)] public int PublicRequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Reverse proxies (addresses such as <c>10.0.0.5</c> or networks such as <c>10.0.0.0/24</c>) whose
    /// <c>X-Forwarded-For</c> names the client for rate limiting. Default none: the header is ignored and the
    /// connection's address counts, so a client cannot pick its own bucket.
    /// </summary>
    [Infrastructure.TrustedProxies] public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// RFC 3161 time-stamping authority (an <c>https</c> URL on port 443 at a public address) that time-stamps the
    /// certificate PDF's seal (PAdES B-T), so the seal stays verifiable after the seal certificate expires. Default none:
    /// the seal is PAdES B-B and no network is used. While the TSA fails, downloads get an unstored seal without
    /// time-stamp (see docs/pdf.md, "Seal and time stamp").
    /// </summary>
    public string? TimeStampUrl { get; set; }
}
