namespace MicroCredentials.Net;

/// <summary>
/// What <see cref="PublicHttp"/> may connect to. The defaults are the production setting for documents (status
/// lists, the TSA): <c>https</c> on port 443 to public addresses; <see cref="Revocation"/> is the one other production
/// setting. Never bound from configuration.
/// </summary>
public sealed class PublicHttpOptions
{
    /// <summary>The production policy: https, port 443, public addresses only.</summary>
    public static readonly PublicHttpOptions Default = new();

    /// <summary>
    /// The production policy for CRL and OCSP fetches (the PDF seal's long-term validation data): <c>https</c> on port
    /// 443 and also plain <c>http</c> on port 80, because CRLs and OCSP answers are signed objects that CAs normally
    /// serve over http (RFC 5280 §4.2.1.13, RFC 6960 Appendix A) and their integrity is checked by their signature, not
    /// by TLS. Everything else is as <see cref="Default"/>: public addresses only (every resolved address checked at
    /// connect), no other port, no proxy; the fetcher follows no redirects and bounds size and time itself.
    /// </summary>
    public static readonly PublicHttpOptions Revocation = new() { PlainHttpPort = 80 };

    /// <summary>
    /// For tests only: also allows plain <c>http</c>, any port and loopback addresses (127.0.0.0/8, ::1), so a test can
    /// fetch from a server it started on loopback. Private, link-local and every other refused range stay refused.
    /// </summary>
    public static readonly PublicHttpOptions LoopbackForTesting = new() { UnsafeAllowLoopbackForTesting = true };

    /// <summary>Ports that may be connected to. Default only 443.</summary>
    public IReadOnlySet<int> AllowedPorts { get; init; } = new HashSet<int> { 443 };

    /// <summary>
    /// The one port on which plain <c>http</c> URLs are allowed; null (the default) allows no plain http. <c>https</c>
    /// URLs still need a port in <see cref="AllowedPorts"/>.
    /// </summary>
    public int? PlainHttpPort { get; init; }

    /// <summary>
    /// Test switch (see <see cref="LoopbackForTesting"/>): http, any port and loopback addresses are allowed. Default
    /// false; the host and the CLI never set it.
    /// </summary>
    public bool UnsafeAllowLoopbackForTesting { get; init; }

    /// <summary>
    /// Resolves a host name to addresses; default <see cref="System.Net.Dns.GetHostAddressesAsync(string, CancellationToken)"/>.
    /// Tests replace it to play DNS tricks (a name that resolves to loopback) without a DNS server.
    /// </summary>
    public Func<string, CancellationToken, Task<System.Net.IPAddress[]>> Resolve { get; init; } =
        static (host, ct) => System.Net.Dns.GetHostAddressesAsync(host, ct);
}
