using System.Net;
using System.Net.Sockets;

namespace MicroCredentials.Net;

/// <summary>
/// Classifies IP addresses: public unicast (may be fetched from) or not (loopback, private, shared, link-local,
/// multicast, unspecified, broadcast, documentation, benchmarking and other reserved ranges of the IANA special-purpose
/// registries, RFC 6890), including IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4).
/// </summary>
public static class PublicAddress
{
    private static readonly IPNetwork[] NonPublicV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network", unspecified
        IPNetwork.Parse("10.0.0.0/8"),       // private (RFC 1918)
        IPNetwork.Parse("100.64.0.0/10"),    // shared address space, CGNAT (RFC 6598)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local (cloud metadata lives at 169.254.169.254)
        IPNetwork.Parse("172.16.0.0/12"),    // private (RFC 1918)
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),     // documentation TEST-NET-1
        IPNetwork.Parse("192.88.99.0/24"),   // 6to4 relay anycast (deprecated)
        IPNetwork.Parse("192.168.0.0/16"),   // private (RFC 1918)
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("198.51.100.0/24"),  // documentation TEST-NET-2
        IPNetwork.Parse("203.0.113.0/24"),   // documentation TEST-NET-3
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, and 255.255.255.255 broadcast
    ];

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");

    private static readonly IPNetwork[] NonPublicV6 =
    [
        IPNetwork.Parse("2001::/23"),        // IETF protocol assignments (Teredo 2001::/32 and others)
        IPNetwork.Parse("2001:db8::/32"),    // documentation
        IPNetwork.Parse("3fff::/20"),        // documentation (RFC 9637)
    ];

    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    /// <summary>
    /// True when <paramref name="address"/> is a public unicast address. IPv6 must be global unicast (2000::/3) outside
    /// the reserved blocks; an IPv4 address embedded in IPv6 (mapped <c>::ffff:a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c>,
    /// 6to4 <c>2002:AABB:CCDD::/48</c>) is judged as that IPv4 address; IPv4-compatible <c>::a.b.c.d</c> is refused.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !NonPublicV4.Any(n => n.Contains(address));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (SixToFour.Contains(address))
        {
            return IsPublic(new IPAddress(bytes.AsSpan(2, 4)));
        }

        // ::/96 holds ::, ::1 and the deprecated IPv4-compatible form; none is a public destination.
        return !Compatible.Contains(address) && GlobalUnicastV6.Contains(address) && !NonPublicV6.Any(n => n.Contains(address));
    }

    /// <summary>True for 127.0.0.0/8, ::1 and their IPv4-mapped forms (allowed only under the test switch).</summary>
    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    /// <summary>Whether <paramref name="options"/> allow connecting to <paramref name="address"/>.</summary>
    public static bool IsAllowed(IPAddress address, PublicHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return IsPublic(address) || (options.UnsafeAllowLoopbackForTesting && IsLoopback(address));
    }
}
