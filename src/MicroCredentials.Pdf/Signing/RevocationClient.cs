using System.Net;
using System.Net.Http.Headers;
using MicroCredentials.Net;

namespace MicroCredentials.Pdf.Signing;

/// <summary>
/// Fetches the revocation data of a B-LT seal: a CRL (HTTP GET) or an OCSP answer (HTTP POST of
/// <c>application/ocsp-request</c>, RFC 6960 Appendix A). Fetching follows the issuer's SSRF rules
/// (<see cref="PublicHttp"/>, as <see cref="TimeStampClient"/> does): each URL checked by <see cref="PublicUrl"/>, every
/// resolved address checked at connect time, no redirects, no proxy; the answer is read through a cap of
/// <see cref="PdfLimits.MaxRevocationResponseBytes"/> and each fetch must end within
/// <see cref="PdfLimits.RevocationTimeoutSeconds"/>. A failure is a sentence, never an exception. Thread-safe.
/// </summary>
public sealed class RevocationClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly PublicHttpOptions _fetching;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a client.</summary>
    /// <param name="fetching">The address policy; default <see cref="PublicHttpOptions.Revocation"/> (public addresses, https on 443 and http on 80; tests pass loopback).</param>
    /// <param name="timeout">Time for one fetch; default <see cref="PdfLimits.RevocationTimeoutSeconds"/>.</param>
    public RevocationClient(PublicHttpOptions? fetching = null, TimeSpan? timeout = null)
    {
        _fetching = fetching ?? PublicHttpOptions.Revocation;
        _timeout = timeout ?? TimeSpan.FromSeconds(PdfLimits.RevocationTimeoutSeconds);
        _http = PublicHttp.CreateClient(_fetching);
    }

    /// <summary>GETs a CRL.</summary>
    internal Task<(byte[]? Der, string? Failure)> GetCrlAsync(string url, CancellationToken cancellationToken) =>
        SendAsync(url, null, "application/pkix-crl", cancellationToken);

    /// <summary>POSTs an OCSP request.</summary>
    internal Task<(byte[]? Der, string? Failure)> PostOcspAsync(string url, byte[] request, CancellationToken cancellationToken) =>
        SendAsync(url, request, "application/ocsp-response", cancellationToken);

    private async Task<(byte[]? Der, string? Failure)> SendAsync(string url, byte[]? body, string accept, CancellationToken cancellationToken)
    {
        var check = PublicUrl.Check(url, _fetching);
        if (!check.Allowed)
        {
            return (null, $"{Shown(url)} is refused: {check.Reason}");
        }
        var name = check.Uri.Host;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var message = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, check.Uri);
            if (body is not null)
            {
                message.Content = new ByteArrayContent(body);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/ocsp-request");
            }
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, $"{name} answered HTTP {(int)response.StatusCode}");
            }
            if (response.Content.Headers.ContentLength > PdfLimits.MaxRevocationResponseBytes)
            {
                return (null, TooLarge(name));
            }
            var read = await PublicHttp.ReadCappedAsync(response.Content, PdfLimits.MaxRevocationResponseBytes, timeout.Token);
            return read is null ? (null, TooLarge(name)) : (read, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"{name} did not answer within {_timeout.TotalSeconds:0} seconds");
        }
        catch (HttpRequestException e) when (PublicHttp.IsRefusal(e))
        {
            return (null, $"{name} is not at a public address");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (null, $"{name} could not be reached");
        }
    }

    private static string Shown(string url) => url.Length > 80 ? url[..80] + "…" : url;

    private static string TooLarge(string name) =>
        $"{name} answered with more than {PdfLimits.MaxRevocationResponseBytes / 1024} KiB";

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
