using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// The public endpoints' rate limit: one token bucket per client (IPv4 address, or IPv6 /64), holding
/// <see cref="IssuerOptions.PublicRequestsPerMinute"/> tokens and refilled continuously at that many per minute.
/// A request takes its <see cref="RequestCost"/>; with too few tokens it gets 429 and the time until enough have
/// refilled. The client address is the connection's, or — only behind a trusted proxy
/// (<see cref="IssuerOptions.TrustedProxies"/>) — the one X-Forwarded-For names.
/// </summary>
/// <remarks>
/// Unlike the fixed window it replaces, a bucket has no window edge at which a client may send twice the limit, and
/// it weighs work: a PDF verification takes 10 tokens, a page 1. A request costing more than a full bucket takes the
/// whole bucket (so a tiny limit still lets one through per refill). Time runs on the injected <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class PublicRateLimiter
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private readonly double capacity;
    private readonly double tokensPerSecond;
    private long lastSweep;

    public PublicRateLimiter(IOptions<IssuerOptions> options, TimeProvider time)
    {
        this.time = time;
        capacity = options.Value.PublicRequestsPerMinute;
        tokensPerSecond = capacity / 60.0;
    }

    /// <summary>Buckets currently kept (bounded by <see cref="HostLimits.RateLimitMaxClients"/>).</summary>
    public int TrackedClients => buckets.Count;

    /// <summary>Takes <paramref name="cost"/> tokens from <paramref name="client"/>'s bucket if it holds them.</summary>
    /// <returns>Whether the request may proceed, and otherwise how long until it could.</returns>
    public (bool Allowed, TimeSpan RetryAfter) TryTake(string client, int cost)
    {
        var now = time.GetTimestamp();
        var bucket = buckets.GetOrAdd(client, static (_, state) => new Bucket(state.capacity, state.now), (capacity, now));
        var wanted = Math.Min(cost, capacity);
        (bool, TimeSpan) outcome;
        lock (bucket)
        {
            Refill(bucket, now);
            if (bucket.Tokens >= wanted)
            {
                bucket.Tokens -= wanted;
                outcome = (true, TimeSpan.Zero);
            }
            else
            {
                outcome = (false, TimeSpan.FromSeconds(Math.Ceiling((wanted - bucket.Tokens) / tokensPerSecond)));
            }
        }

        if (buckets.Count > HostLimits.RateLimitMaxClients)
        {
            Sweep(now);
        }

        return outcome;
    }

    /// <summary>Takes the cost of <paramref name="upload"/> beyond the <see cref="RequestCost.Page"/> already taken at the door.</summary>
    public (bool Allowed, TimeSpan RetryAfter) TryTakeUpload(HttpContext context, ReadOnlySpan<byte> upload) =>
        TryTake(ClientKey(context), RequestCost.OfUpload(upload) - RequestCost.Page);

    /// <summary>
    /// The bucket key of a request: its remote address (already replaced by the forwarded one when the peer is a
    /// trusted proxy), IPv4-mapped addresses as IPv4, IPv6 addresses as their /64.
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPNetwork(address, HostLimits.RateLimitIPv6PrefixLength).BaseAddress + "/" + HostLimits.RateLimitIPv6PrefixLength
            : address.ToString();
    }

    private void Refill(Bucket bucket, long now)
    {
        var elapsed = time.GetElapsedTime(bucket.Updated, now).TotalSeconds;
        if (elapsed > 0)
        {
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + (elapsed * tokensPerSecond));
            bucket.Updated = now;
        }
    }

    // Over the bound: drop full (idle) buckets — forgetting them changes nothing — then, if still over, the least recently used.
    private void Sweep(long now)
    {
        var previous = Interlocked.Read(ref lastSweep);
        if (previous != 0 && time.GetElapsedTime(previous, now) < TimeSpan.FromSeconds(1)
            || Interlocked.CompareExchange(ref lastSweep, now, previous) != previous)
        {
            return;
        }

        foreach (var (key, bucket) in buckets)
        {
            lock (bucket)
            {
                Refill(bucket, now);
                if (bucket.Tokens >= capacity)
                {
                    buckets.TryRemove(key, out _);
                }
            }
        }

        var excess = buckets.Count - HostLimits.RateLimitMaxClients;
        if (excess > 0)
        {
            foreach (var key in buckets.OrderBy(pair => pair.Value.Updated).Take(excess).Select(pair => pair.Key).ToList())
            {
                buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;

        public long Updated { get; set; } = updated;
    }
}
