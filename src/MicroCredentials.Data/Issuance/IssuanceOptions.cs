using System.Diagnostics;

namespace MicroCredentials.Data.Issuance;

/// <summary>How credentials are issued. Bound from the <c>Issuer</c> section by the host and the CLI.</summary>
public sealed class IssuanceOptions
{
    /// <summary>
    /// Public base URL of the host: verification links, status list URLs and achievement ids live under it, and the
    /// did:web issuer id derives from it. Default <c>http://localhost:5000</c>.
    /// </summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5000");

    /// <summary>JWT algorithm of the VC-JWT: <c>RS256</c> (default, the OB 3.0 minimum every verifier has) or <c>ES256</c>.</summary>
    public string JwtAlgorithm { get; set; } = "RS256";

    /// <summary>
    /// Whether credentials carry a suspension entry besides the revocation entry (default false: one
    /// <c>credentialStatus</c> object with <c>statusPurpose: "revocation"</c>, valid against the OB 3.0 schema).
    /// </summary>
    /// <remarks>
    /// Suspension works either way for our own pages, API and CLI: the issuer keeps each credential's suspension state
    /// and our verifier reads it for our own credentials. With false, other verifiers (DCC, 1EdTech validator) never
    /// learn of a suspension and see a suspended credential as not revoked. With true, <c>credentialStatus</c> becomes an
    /// array of two entries: VC 2.0 allows that, but the OB 3.0 schema does not (ajv, the DCC schema check and the
    /// 1EdTech validator reject the credential; STANDARDS §4.3).
    /// </remarks>
    public bool IncludeSuspensionStatus { get; set; }

    /// <summary>
    /// Whether the credential also identifies the learner by a salted e-mail hash (default false: by name only).
    /// </summary>
    /// <remarks>
    /// Guessable: the hash is <c>SHA-256(e-mail ‖ salt)</c> and the salt is in the same public credential, next to the
    /// name, so anyone holding the credential who guesses the address (<c>first.last@domain</c>) is told at once that it
    /// is the learner's. Turn it on only when employers must match an address they already know.
    /// </remarks>
    public bool IncludeEmailHash { get; set; }

    /// <summary>
    /// Where issuance reports its spans (<c>issue</c>, <c>batch.chunk.sign</c>, <c>batch.chunk.commit</c>): the host passes
    /// its one product <see cref="System.Diagnostics.ActivitySource"/>. Default none (the CLI).
    /// </summary>
    public ActivitySource? ActivitySource { get; set; }

    /// <summary>
    /// Told the achievement id of every credential issued and stored (one at a time or in a batch job), so the host can
    /// count them by micro-credential. Default none (the CLI).
    /// </summary>
    public Action<string>? Issued { get; set; }

    /// <summary>The status list URL of a list id: <c>&lt;base&gt;/status/&lt;id&gt;</c>.</summary>
    public string StatusListUrl(long listId) => $"{BaseUrl}/status/{listId}";

    /// <summary>The verification page of a handle: <c>&lt;base&gt;/v/&lt;handle&gt;</c>.</summary>
    public string VerificationUrl(string handle) => $"{BaseUrl}/v/{handle}";

    /// <summary>The graduate's download page of a token: <c>&lt;base&gt;/d/&lt;token&gt;</c>.</summary>
    public string DownloadUrl(string token) => $"{BaseUrl}/d/{token}";

    private string BaseUrl => PublicBaseUrl.ToString().TrimEnd('/');
}
