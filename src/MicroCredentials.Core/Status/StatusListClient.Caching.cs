using System.Buffers;

namespace MicroCredentials.Status;

public sealed partial class StatusListClient
{
    /// <summary>
    /// How long a response stays fresh: the shorter of the list's <c>ttl</c> and Cache-Control <c>max-age</c> minus
    /// <c>Age</c>; zero for <c>no-store</c>/<c>no-cache</c>; <see cref="StatusListClientOptions.DefaultFreshness"/>
    /// when neither is given; never more than <see cref="StatusListClientOptions.MaxFreshness"/>.
    /// </summary>
    private TimeSpan Freshness(TimeSpan? ttl, HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        if (cacheControl is { NoStore: true } or { NoCache: true })
        {
            return TimeSpan.Zero;
        }

        TimeSpan? maxAge = cacheControl?.MaxAge is { } age ? age - (response.Headers.Age ?? TimeSpan.Zero) : null;
        var freshness = (ttl, maxAge) switch
        {
            ({ } t, { } m) => t < m ? t : m,
            ({ } t, null) => t,
            (null, { } m) => m,
            _ => options.DefaultFreshness,
        };
        return freshness < TimeSpan.Zero ? TimeSpan.Zero
            : freshness > options.MaxFreshness ? options.MaxFreshness
            : freshness;
    }

    private void Store(string url, FetchedStatusList fetched)
    {
        cache[url] = fetched;
        if (cache.Count <= options.MaxCachedLists)
        {
            return;
        }

        // Over the bound: drop the least recently fetched list (rare, O(n) is fine for n ≈ 1,000).
        var oldest = cache.MinBy(pair => pair.Value.FetchedAt);
        cache.TryRemove(oldest.Key, out _);
    }

    /// <summary>The failure remembered for <paramref name="url"/>, while younger than <see cref="CoreLimits.FetchFailureCacheSeconds"/>.</summary>
    private StatusListFetchResult? RecentFailure(string url, DateTimeOffset now) =>
        failures.TryGetValue(url, out var failed) && now < failed.Until ? failed.Result : null;

    /// <summary>Negative caching: a failure is remembered briefly, a success forgets it.</summary>
    private void RememberOutcome(string url, StatusListFetchResult result, DateTimeOffset now)
    {
        if (result.Succeeded)
        {
            failures.TryRemove(url, out _);
            return;
        }

        failures[url] = new RememberedFailure(result with { LastKnown = null }, now + TimeSpan.FromSeconds(CoreLimits.FetchFailureCacheSeconds));
        if (failures.Count > options.MaxCachedLists)
        {
            // Over the bound: forget the expired ones, then the oldest (rare: one URL per uploaded credential).
            foreach (var expired in failures.Where(pair => pair.Value.Until <= now).Select(pair => pair.Key).ToList())
            {
                failures.TryRemove(expired, out _);
            }

            if (failures.Count > options.MaxCachedLists)
            {
                failures.TryRemove(failures.MinBy(pair => pair.Value.Until).Key, out _);
            }
        }
    }

    private static string Shorten(string url) => url.Length <= 200 ? url : url[..200] + "…";

    private sealed record RememberedFailure(StatusListFetchResult Result, DateTimeOffset Until);

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > options.MaxResponseBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > options.MaxResponseBytes)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }
}
