namespace MicroCredentials.Net;

/// <summary>
/// What <see cref="PublicHttp"/> may connect to. The defaults are the only production setting: <c>https</c> on port
/// 443 to public addresses. Never bound from configuration.
/// </summary>
public sealed class PublicHttpOptions
{
    /// <summary>The production policy: https, port 443, public addresses only.</summary>
    public static readonly PublicHttpOptions Default = new();

    /// <summary>
    /// For tests only: also allows plain <c>http</c>, any port and loopback addresses (127.0.0.0/8, ::1), so a test can
    /// fetch from a server it started on loopback. Private, link-local and every other refused range stay refused.
    /// </summary>
    public static readonly PublicHttpOptions LoopbackForTesting = new() { UnsafeAllowLoopbackForTesting = true };

    /// <summary>Ports that may be connected to. Default only 443.</summary>
    public IReadOnlySet<int> AllowedPorts { get; init; } = new HashSet<int> { 443 };

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
