namespace MicroCredentials.Status;

/// <summary>Limits and cache behaviour of <see cref="StatusListClient"/>.</summary>
public sealed class StatusListClientOptions
{
    /// <summary>Time allowed for one fetch (headers and body). Default 5 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Largest response body accepted, in bytes. Default 1 MiB; a full 131,072-entry list is at most ~16 KiB of GZIP.
    /// </summary>
    public int MaxResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// How long a list stays fresh when it has neither <c>ttl</c> nor Cache-Control <c>max-age</c>. Default 5 minutes
    /// (the spec assumes no default ttl, so this is our choice).
    /// </summary>
    public TimeSpan DefaultFreshness { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound on freshness, whatever ttl or max-age say. Default 1 day.</summary>
    public TimeSpan MaxFreshness { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Most lists kept in memory; the least recently fetched are dropped first. Default 1,000.</summary>
    public int MaxCachedLists { get; init; } = 1000;

    /// <summary>
    /// Where lists may be fetched from. Default <see cref="Net.PublicHttpOptions.Default"/> (public https on port 443);
    /// tests against a loopback server use <see cref="Net.PublicHttpOptions.LoopbackForTesting"/>.
    /// </summary>
    public Net.PublicHttpOptions Fetching { get; init; } = Net.PublicHttpOptions.Default;

    /// <summary>
    /// Told the result of every network fetch (not of answers from the cache or the failure memory), so a host can count
    /// fetches and failures. Default none.
    /// </summary>
    public Action<StatusListFetchResult>? Fetched { get; init; }

    /// <summary>Throws when a value is out of range (called by the client's constructor).</summary>
    /// <exception cref="InvalidOperationException">A limit is zero or negative, or the freshness bounds are inverted.</exception>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero || MaxResponseBytes <= 0 || MaxCachedLists <= 0
            || DefaultFreshness < TimeSpan.Zero || MaxFreshness < DefaultFreshness)
        {
            throw new InvalidOperationException(
                "StatusListClientOptions: Timeout, MaxResponseBytes and MaxCachedLists must be positive and 0 <= DefaultFreshness <= MaxFreshness.");
        }
    }
}
