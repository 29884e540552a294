namespace MicroCredentials.Pdf.Signing;

/// <summary>Why a time-stamp could not be obtained (RFC 3161 over HTTP); a closed set.</summary>
public enum TimeStampFailure
{
    /// <summary>A token was obtained and verified.</summary>
    None,

    /// <summary>The TSA's address is not public (SSRF rules of <see cref="MicroCredentials.Net.PublicHttp"/>).</summary>
    AddressRefused,

    /// <summary>No connection, DNS failure, TLS failure or a connection closed early.</summary>
    Unreachable,

    /// <summary>No complete answer within <see cref="PdfLimits.TimeStampTimeoutSeconds"/>.</summary>
    Timeout,

    /// <summary>The TSA answered with an HTTP status other than 200.</summary>
    HttpStatus,

    /// <summary>The answer is larger than <see cref="PdfLimits.MaxTimeStampResponseBytes"/>.</summary>
    TooLarge,

    /// <summary>The answer is not a time-stamp response, or it is one for another request (imprint, nonce).</summary>
    Malformed,

    /// <summary>The TSA refused the request (PKIStatus rejection or waiting).</summary>
    Rejected,

    /// <summary>The token's signature does not verify, or its signer is not a time-stamping certificate.</summary>
    InvalidToken,
}
