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
    /// Whether credentials carry a suspension entry besides the revocation entry (default true). VC 2.0 and the
    /// Bitstring Status List allow several entries, so <c>credentialStatus</c> becomes an array; the OB 3.0.3 JSON
    /// Schema only allows one object, so set false where strict OB schema validity matters more than suspension.
    /// </summary>
    public bool IncludeSuspensionStatus { get; set; } = true;

    /// <summary>The status list URL of a list id: <c>&lt;base&gt;/status/&lt;id&gt;</c>.</summary>
    public string StatusListUrl(long listId) => $"{BaseUrl}/status/{listId}";

    /// <summary>The verification page of a handle: <c>&lt;base&gt;/v/&lt;handle&gt;</c>.</summary>
    public string VerificationUrl(string handle) => $"{BaseUrl}/v/{handle}";

    /// <summary>The graduate's download page of a token: <c>&lt;base&gt;/d/&lt;token&gt;</c>.</summary>
    public string DownloadUrl(string token) => $"{BaseUrl}/d/{token}";

    private string BaseUrl => PublicBaseUrl.ToString().TrimEnd('/');
}
