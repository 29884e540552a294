using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MicroCredentials.Net;

/// <summary>
/// Strict reading of a URL to be fetched, before any connection: <c>https</c> on an allowed port (or plain <c>http</c>
/// on <see cref="PublicHttpOptions.PlainHttpPort"/> where the policy allows it), no user info, and a host that is
/// either a DNS name of at least two labels whose last label is not numeric, a canonical dotted-quad IPv4 address or a
/// bracketed IPv6 address — so decimal, octal, hex and short IPv4 spellings (<c>2130706433</c>,
/// <c>0177.0.0.1</c>, <c>0x7f.1</c>) are refused instead of being read as 127.0.0.1. Literal addresses must be public.
/// </summary>
public static class PublicUrl
{
    /// <summary>Checks <paramref name="url"/> against <paramref name="options"/>; never throws on bad input.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PublicUrlCheck Check(string url, PublicHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(options);
        if (url.Length > CoreLimits.FetchMaxUrlLength)
        {
            return PublicUrlCheck.Refuse($"the URL is longer than {CoreLimits.FetchMaxUrlLength} characters");
        }

        if (url.Any(c => c <= ' ' || c >= 0x7F || c == '\\'))
        {
            return PublicUrlCheck.Refuse("the URL holds spaces, control, backslash or non-ASCII characters");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps
                || (uri.Scheme == Uri.UriSchemeHttp && (options.UnsafeAllowLoopbackForTesting || options.PlainHttpPort is not null))))
        {
            return PublicUrlCheck.Refuse(options.PlainHttpPort is null ? "not an absolute https URL" : "not an absolute http or https URL");
        }

        // The authority exactly as written: scheme "://" authority [ "/" | "?" | "#" ].
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? url[start..] : url[start..end];
        if (authority.Contains('@', StringComparison.Ordinal) || uri.UserInfo.Length > 0)
        {
            return PublicUrlCheck.Refuse("the URL carries user info");
        }

        var (host, port) = SplitAuthority(authority);
        if (host is null || (port is not null && !ValidPort(port)))
        {
            return PublicUrlCheck.Refuse("the URL's host or port is malformed");
        }

        var portAllowed = uri.Scheme == Uri.UriSchemeHttps ? options.AllowedPorts.Contains(uri.Port) : uri.Port == options.PlainHttpPort;
        if (!portAllowed && !options.UnsafeAllowLoopbackForTesting)
        {
            return PublicUrlCheck.Refuse($"port {uri.Port} is not allowed");
        }

        var hostCheck = CheckHost(host, options);
        if (hostCheck is not null)
        {
            return PublicUrlCheck.Refuse(hostCheck);
        }

        // Both readings must agree on the host, or the URL means something else to the network stack than to us.
        var parsedHost = uri.HostNameType == UriHostNameType.IPv6 ? "[" + uri.IdnHost.Trim('[', ']') + "]" : uri.IdnHost;
        return string.Equals(Normalize(parsedHost), Normalize(host), StringComparison.OrdinalIgnoreCase)
            ? new PublicUrlCheck { Uri = uri }
            : PublicUrlCheck.Refuse("the URL's host reads differently to the URL parser");
    }

    private static string Normalize(string host) =>
        host.StartsWith('[') && IPAddress.TryParse(host.Trim('[', ']'), out var v6) ? "[" + v6 + "]" : host;

    private static (string? Host, string? Port) SplitAuthority(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return (null, null);
            }

            var rest = authority[(close + 1)..];
            return rest.Length == 0 ? (authority[..(close + 1)], null)
                : rest[0] == ':' ? (authority[..(close + 1)], rest[1..])
                : (null, null);
        }

        var colon = authority.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (authority, null) : (authority[..colon], authority[(colon + 1)..]);
    }

    private static bool ValidPort(string port) =>
        port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit) && (port.Length == 1 || port[0] != '0')
        && int.Parse(port, CultureInfo.InvariantCulture) is > 0 and <= 65535;

    // Null when the host is acceptable; otherwise the reason.
    private static string? CheckHost(string host, PublicHttpOptions options)
    {
        if (host.StartsWith('['))
        {
            var inner = host[1..^1];
            return inner.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(inner, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6
                ? "the IPv6 literal is malformed"
                : PublicAddress.IsAllowed(v6, options) ? null : "the address is not public";
        }

        var labels = host.ToLowerInvariant().Split('.');
        if (labels.Any(l => l.StartsWith("0x", StringComparison.Ordinal)) || labels[^1].All(char.IsAsciiDigit))
        {
            // Looks like an IP address: only the canonical dotted quad is one.
            if (labels.Length != 4 || !labels.All(CanonicalOctet))
            {
                return "the host is an IP address in a non-canonical spelling (decimal, octal, hex or short form)";
            }

            return PublicAddress.IsAllowed(IPAddress.Parse(host), options) ? null : "the address is not public";
        }

        if (host.Length > 253 || labels.Any(l => l.Length is 0 or > 63 || l[0] == '-' || l[^1] == '-' || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return "the host is not a valid DNS name";
        }

        if (labels[^1] == "localhost" || (labels.Length == 1 && !options.UnsafeAllowLoopbackForTesting))
        {
            return "the host is a local name";
        }

        return null;
    }

    private static bool CanonicalOctet(string label) =>
        label.Length is > 0 and <= 3 && label.All(char.IsAsciiDigit) && (label.Length == 1 || label[0] != '0')
        && int.Parse(label, CultureInfo.InvariantCulture) <= 255;
}
