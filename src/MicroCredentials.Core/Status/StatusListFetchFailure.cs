namespace MicroCredentials.Status;

/// <summary>Why a status list could not be obtained (closed set).</summary>
public enum StatusListFetchFailure
{
    /// <summary>Obtained (fresh from the network or the cache).</summary>
    None = 0,

    /// <summary>The URL is not an absolute http(s) URL, or not https while https is required.</summary>
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

    /// <summary>The body is JSON but not a usable status list credential (see <see cref="StatusListFetchResult.ReadFailure"/>).</summary>
    Malformed,
}
