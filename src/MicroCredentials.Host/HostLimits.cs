namespace MicroCredentials.Host;

/// <summary>Bounds of the host that protect it from its clients (STYLE 17); the upload size is an option (<see cref="IssuerOptions.MaxUploadBytes"/>).</summary>
internal static partial class HostLimits
{
    /// <summary>
    /// Rate-limit buckets kept in memory (one per client address or IPv6 /64): idle (full) buckets are dropped first
    /// when there are more, so memory stays bounded however many addresses send.
    /// </summary>
    public const int RateLimitMaxClients = 100_000;

    /// <summary>IPv6 clients share a bucket per /64: one subscriber holds a whole /64 and could otherwise rotate addresses.</summary>
    public const int RateLimitIPv6PrefixLength = 64;

    /// <summary>Largest buffer the upload reader's pool keeps (1 MiB): larger ones are allocated per upload and collected after it.</summary>
    public const int UploadPoolMaxArrayBytes = 1024 * 1024;

    /// <summary>Buffers per size the upload reader's pool keeps: enough for the concurrent uploads of a small host.</summary>
    public const int UploadPoolArraysPerBucket = 16;

    /// <summary>
    /// Largest oversized upload read to its end and discarded before the "too large" answer (24 MiB, under Kestrel's 28.6 MiB body limit), so a browser shows
    /// that answer rather than a reset connection; a larger declared body is answered at once and its connection closed.
    /// </summary>
    public const long UploadDrainMaxBytes = 24L * 1024 * 1024;

    /// <summary>Most entries of <c>X-Forwarded-For</c> read (right to left, trusted proxies only): more hops than this is no real chain.</summary>
    public const int ForwardedForMaxEntries = 10;
}
