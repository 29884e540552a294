using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Net;

namespace MicroCredentials.Pdf.Signing;

/// <summary>
/// Asks an RFC 3161 time-stamping authority (TSA) for a token over a signature value (PAdES B-T): an HTTP POST of a
/// <c>TimeStampReq</c> (SHA-256 imprint, a random nonce, <c>certReq</c> true) with media type
/// <c>application/timestamp-query</c>. Fetching follows the issuer's SSRF rules (<see cref="PublicHttp"/>): an https URL
/// checked by <see cref="PublicUrl"/>, every resolved address checked at connect time, no redirects, no proxy; the answer
/// is read through a cap of <see cref="PdfLimits.MaxTimeStampResponseBytes"/> and the whole exchange must end within
/// <see cref="PdfLimits.TimeStampTimeoutSeconds"/>. Every failure is a <see cref="TimeStampResult"/>, never an exception.
/// Thread-safe.
/// </summary>
public sealed class TimeStampClient : IDisposable
{
    private const string QueryMediaType = "application/timestamp-query";
    private const string ReplyMediaType = "application/timestamp-reply";
    private const string TimeStampingEku = "1.3.6.1.5.5.7.3.8";

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a client for the TSA at <paramref name="url"/>.</summary>
    /// <param name="url">The TSA's https URL.</param>
    /// <param name="fetching">The address policy; default <see cref="PublicHttpOptions.Default"/> (tests pass loopback).</param>
    /// <param name="timeout">Time for one request; default <see cref="PdfLimits.TimeStampTimeoutSeconds"/>.</param>
    /// <exception cref="ArgumentException">The URL is not one the fetch rules allow (a configuration error).</exception>
    public TimeStampClient(string url, PublicHttpOptions? fetching = null, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        fetching ??= PublicHttpOptions.Default;
        var check = PublicUrl.Check(url, fetching);
        if (!check.Allowed)
        {
            throw new ArgumentException($"The time-stamping authority URL is refused: {check.Reason}.", nameof(url));
        }
        Url = check.Uri;
        _timeout = timeout ?? TimeSpan.FromSeconds(PdfLimits.TimeStampTimeoutSeconds);
        _http = PublicHttp.CreateClient(fetching);
    }

    /// <summary>The TSA's URL.</summary>
    public Uri Url { get; }

    /// <summary>The TSA's host name, as shown to people ("time-stamped by …").</summary>
    public string Name => Url.Host;

    /// <summary>
    /// Requests a token over SHA-256(<paramref name="signatureValue"/>) and verifies it: the answer's imprint and nonce
    /// are ours, its signature verifies with the certificate it carries, and that certificate has the
    /// <c>id-kp-timeStamping</c> extended key usage. Trust in the TSA itself is the verifier's decision.
    /// </summary>
    /// <param name="signatureValue">The CMS signer's signature value (RFC 3161 Appendix A).</param>
    /// <param name="cancellationToken">Cancels the request (the caller has gone).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<TimeStampResult> RequestAsync(ReadOnlyMemory<byte> signatureValue, CancellationToken cancellationToken)
    {
        var request = Rfc3161TimestampRequest.CreateFromData(signatureValue.Span, HashAlgorithmName.SHA256,
            nonce: RandomNumberGenerator.GetBytes(16), requestSignerCertificates: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        byte[] answer;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, Url)
            {
                Content = new ByteArrayContent(request.Encode()),
            };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(QueryMediaType);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ReplyMediaType));
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Failed(TimeStampFailure.HttpStatus, $"answered HTTP {(int)response.StatusCode}");
            }
            if (response.Content.Headers.ContentLength > PdfLimits.MaxTimeStampResponseBytes)
            {
                return TooLarge();
            }
            var read = await PublicHttp.ReadCappedAsync(response.Content, PdfLimits.MaxTimeStampResponseBytes, timeout.Token);
            if (read is null)
            {
                return TooLarge();
            }
            answer = read;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(TimeStampFailure.Timeout, $"did not answer within {_timeout.TotalSeconds:0} seconds");
        }
        catch (HttpRequestException e) when (PublicHttp.IsRefusal(e))
        {
            return Failed(TimeStampFailure.AddressRefused, "is not at a public address");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return Failed(TimeStampFailure.Unreachable, "could not be reached");
        }
        return Verify(request, answer);
    }

    private TimeStampResult Verify(Rfc3161TimestampRequest request, byte[] answer)
    {
        Rfc3161TimestampToken token;
        try
        {
            // Checks the PKIStatus, that the token is for our imprint and nonce, and that it carries its signer.
            token = request.ProcessResponse(answer, out var consumed);
            if (consumed != answer.Length)
            {
                return Failed(TimeStampFailure.Malformed, "answered with bytes after its time-stamp response");
            }
        }
        catch (Exception e) when (e is CryptographicException or System.Formats.Asn1.AsnContentException or ArgumentException)
        {
            // ProcessResponse also checks the token's signature: tell a refusal and a bad token from noise.
            return Classify(answer) switch
            {
                TimeStampFailure.Rejected => Failed(TimeStampFailure.Rejected, "refused the request"),
                TimeStampFailure.InvalidToken => InvalidToken(),
                _ => Failed(TimeStampFailure.Malformed, "did not answer with a time-stamp response"),
            };
        }
        if (!token.VerifySignatureForHash(request.GetMessageHash().Span, HashAlgorithmName.SHA256, out var signer) || signer is null
            || !HasTimeStampingUsage(signer))
        {
            return InvalidToken();
        }
        return new TimeStampResult { Token = token, Detail = $"Time-stamped by {Name} at {token.TokenInfo.Timestamp:u}." };
    }

    /// <summary>True when <paramref name="certificate"/> is a time-stamping certificate (RFC 3161 §2.3).</summary>
    internal static bool HasTimeStampingUsage(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .Any(e => e.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == TimeStampingEku));

    // PKIStatusInfo status 2 (rejection) or more: refused; status 0/1 with a token that did not pass: a bad token.
    private static TimeStampFailure Classify(byte[] answer)
    {
        try
        {
            var response = new System.Formats.Asn1.AsnReader(answer, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
            var status = response.ReadSequence().ReadInteger();
            if (status >= 2)
            {
                return TimeStampFailure.Rejected;
            }
            // A granted status followed by a CMS ContentInfo that did not pass the checks.
            if (!response.HasData)
            {
                return TimeStampFailure.Malformed;
            }
            var contentInfo = response.ReadSequence();
            return contentInfo.ReadObjectIdentifier() == "1.2.840.113549.1.7.2" ? TimeStampFailure.InvalidToken : TimeStampFailure.Malformed;
        }
        catch (System.Formats.Asn1.AsnContentException)
        {
            return TimeStampFailure.Malformed;
        }
    }

    private TimeStampResult InvalidToken() => Failed(TimeStampFailure.InvalidToken,
        "sent a token that does not verify for this request (signature, signer or imprint)");

    private TimeStampResult TooLarge() => Failed(TimeStampFailure.TooLarge,
        $"answered with more than {PdfLimits.MaxTimeStampResponseBytes / 1024} KiB");

    private TimeStampResult Failed(TimeStampFailure failure, string what) =>
        new() { Failure = failure, Detail = $"The time-stamping authority {Name} {what}." };

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
