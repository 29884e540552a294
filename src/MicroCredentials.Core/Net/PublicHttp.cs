using System.Net;
using System.Net.Sockets;

namespace MicroCredentials.Net;

/// <summary>
/// The one way Core fetches from the network: an <see cref="HttpClient"/> whose handler resolves the host itself,
/// refuses any address that is not public (<see cref="PublicAddress"/>) and connects to exactly the address it
/// checked, so DNS rebinding between check and connect is impossible; no proxy, no automatic redirects, no cookies,
/// a connect timeout. <see cref="GetAsync"/> checks the URL strictly (<see cref="PublicUrl"/>) and follows at most
/// <see cref="CoreLimits.FetchMaxRedirects"/> redirects, each checked again.
/// </summary>
public static class PublicHttp
{
    /// <summary>
    /// The one message for every failure to obtain a document: refused address, DNS failure, refused or timed-out
    /// connection, TLS failure, HTTP error. It never tells an open port from a closed one.
    /// </summary>
    public const string FailureMessage = "The document could not be retrieved from its address.";

    /// <summary>Creates the handler (see the class remarks). The caller owns it.</summary>
    public static SocketsHttpHandler CreateHandler(PublicHttpOptions? options = null)
    {
        options ??= PublicHttpOptions.Default;
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(CoreLimits.FetchConnectTimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 64,
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options, ct),
        };
    }

    /// <summary>Creates a client over <see cref="CreateHandler"/> (its own timeout is infinite: callers time each fetch).</summary>
    public static HttpClient CreateClient(PublicHttpOptions? options = null) =>
        new(CreateHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// GETs <paramref name="url"/> after checking it, following at most <see cref="CoreLimits.FetchMaxRedirects"/>
    /// redirects (301, 302, 303, 307, 308), each target checked again. A refused URL or redirect is a result; network
    /// failures throw <see cref="HttpRequestException"/> (see <see cref="IsRefusal"/>).
    /// </summary>
    /// <param name="http">A client made by <see cref="CreateClient"/> (or, in tests, one of their own).</param>
    /// <param name="url">The URL to fetch.</param>
    /// <param name="options">The policy the URL is checked against; the same the client was made with.</param>
    /// <param name="configure">Adds headers to each request (e.g. Accept, If-None-Match).</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    public static async Task<PublicHttpResult> GetAsync(HttpClient http, string url, PublicHttpOptions options,
        Action<HttpRequestMessage> configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(configure);
        var check = PublicUrl.Check(url, options);
        for (var hop = 0; ; hop++)
        {
            if (!check.Allowed)
            {
                return new PublicHttpResult { Refusal = hop == 0 ? check.Reason : $"redirect {hop}: {check.Reason}" };
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, check.Uri);
            configure(request);
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return new PublicHttpResult { Response = response };
            }

            response.Dispose();
            if (hop == CoreLimits.FetchMaxRedirects)
            {
                return new PublicHttpResult { Refusal = $"more than {CoreLimits.FetchMaxRedirects} redirects" };
            }

            check = PublicUrl.Check(new Uri(check.Uri, location).AbsoluteUri, options);
        }
    }

    /// <summary>True when <paramref name="exception"/> says the connect callback refused the resolved address.</summary>
    public static bool IsRefusal(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // Resolves once, checks every address, then connects to those very addresses (never resolving again).
    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, PublicHttpOptions options, CancellationToken ct)
    {
        if (!options.AllowedPorts.Contains(endPoint.Port) && endPoint.Port != options.PlainHttpPort && !options.UnsafeAllowLoopbackForTesting)
        {
            throw new AddressRefusedException($"port {endPoint.Port} is not allowed");
        }

        var addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : await options.Resolve(endPoint.Host, ct);
        if (addresses.Length == 0)
        {
            throw new AddressRefusedException("the host has no address");
        }

        // One non-public address refuses the name: a name that also points inside is not a public server.
        if (addresses.FirstOrDefault(a => !PublicAddress.IsAllowed(a, options)) is { } refused)
        {
            throw new AddressRefusedException($"the host resolves to {refused}, which is not a public address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The body of an answer read through a cap: the bytes when there are at most <paramref name="maxBytes"/>, else
    /// <see langword="null"/> (one byte past the cap is read, never more), so a huge or endless answer costs a bounded buffer.
    /// </summary>
    /// <param name="content">The answer's content.</param>
    /// <param name="maxBytes">The most bytes accepted (a named bound of the caller).</param>
    /// <param name="cancellationToken">Stops reading (the caller's time bound).</param>
    public static async Task<byte[]?> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return buffer[..length];
            }

            length += read;
        }

        return null;
    }
}
