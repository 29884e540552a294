namespace MicroCredentials.Status;

/// <summary>Why a status list could not be obtained (closed set).</summary>
public enum StatusListFetchFailure
{
    /// <summary>Obtained (fresh from the network or the cache).</summary>
    None = 0,

    /// <summary>The URL is not an absolute https URL.</summary>
    InvalidUrl,

    /// <summary>No answer within <see cref="StatusListClientOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>Connection refused, DNS failure, TLS failure or a broken response.</summary>
    Unreachable,

    /// <summary>The server answered with a non-success HTTP status.</summary>
    HttpStatus,

    /// <summary>The body exceeds <see cref="StatusListClientOptions.MaxResponseBytes"/>.</summary>
    ResponseTooLarge,

    /// <summary>The body is not a JSON object.</summary>
    NotJson,

    /// <summary>
    /// The URL, a redirect target or the address its host resolves to may not be fetched from (not public https, a
    /// non-canonical IP spelling, a port other than 443, too many redirects); see <see cref="Net.PublicHttp"/>.
    /// </summary>
    AddressRefused,

    /// <summary>The body is JSON but not a usable status list credential (see <see cref="StatusListFetchResult.ReadFailure"/>).</summary>
    Malformed,
}
