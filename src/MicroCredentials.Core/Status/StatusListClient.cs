using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using MicroCredentials.Net;

namespace MicroCredentials.Status;

/// <summary>
/// Fetches status list credentials by URL for verification of foreign or uploaded credentials, with a timeout, a
/// response size limit, and an in-memory cache keyed by URL that respects the list's <c>ttl</c> and the HTTP
/// Cache-Control <c>max-age</c> (whichever is shorter), revalidates with <c>If-None-Match</c>, and keeps the last good
/// copy of each list with the time it was fetched, so a failed fetch can say what was last known.
/// </summary>
/// <remarks>
/// Every fetch goes through <see cref="PublicHttp"/>: only public https addresses, checked when connecting, redirects
/// followed by hand and checked again. A failure is remembered for <see cref="CoreLimits.FetchFailureCacheSeconds"/>
/// (negative caching) and network failures all read <see cref="PublicHttp.FailureMessage"/>. Thread-safe. Concurrent
/// misses for the same URL may each fetch once. Time, including the timeout, runs on the injected
/// <see cref="TimeProvider"/>.
/// </remarks>
public sealed partial class StatusListClient
{
    private const string AcceptedMediaTypes =
        "application/vc+ld+json, application/vc, application/ld+json;q=0.9, application/json;q=0.8";

    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly StatusListClientOptions options;
    private readonly ConcurrentDictionary<string, FetchedStatusList> cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RememberedFailure> failures = new(StringComparer.Ordinal);

    /// <summary>Creates a client with its own <see cref="PublicHttp"/> client (made with <see cref="StatusListClientOptions.Fetching"/>).</summary>
    /// <param name="timeProvider">The clock for freshness, fetch times and the timeout.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <exception cref="InvalidOperationException">The options are out of range.</exception>
    public StatusListClient(TimeProvider timeProvider, StatusListClientOptions? options = null)
        : this(PublicHttp.CreateClient((options ?? new StatusListClientOptions()).Fetching), timeProvider, options)
    {
    }

    /// <summary>Creates a client over a caller's <see cref="HttpClient"/>.</summary>
    /// <param name="httpClient">
    /// Used for every request: one made by <see cref="PublicHttp.CreateClient"/> with the same
    /// <see cref="StatusListClientOptions.Fetching"/> (only that one checks resolved addresses when connecting; tests may
    /// pass their own). Its own Timeout should be at least <see cref="StatusListClientOptions.Timeout"/>.
    /// </param>
    /// <param name="timeProvider">The clock for freshness, fetch times and the timeout.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <exception cref="InvalidOperationException">The options are out of range.</exception>
    public StatusListClient(HttpClient httpClient, TimeProvider timeProvider, StatusListClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.options = options ?? new StatusListClientOptions();
        this.options.Validate();
        http = httpClient;
        time = timeProvider;
    }

    /// <summary>
    /// Returns the status list credential at <paramref name="url"/>: from the cache while fresh, otherwise from the
    /// network. Expected failures (timeout, HTTP error, too large, not a list) are results, never exceptions; a failed
    /// result carries the last good copy in <see cref="StatusListFetchResult.LastKnown"/> when there is one.
    /// </summary>
    /// <param name="url">The entry's <c>statusListCredential</c>.</param>
    /// <param name="cancellationToken">Cancels the request (throws <see cref="OperationCanceledException"/>).</param>
    public async Task<StatusListFetchResult> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed)
            || !(parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && options.Fetching.UnsafeAllowLoopbackForTesting)))
        {
            return new StatusListFetchResult { Failure = StatusListFetchFailure.InvalidUrl, Detail = $"'{Shorten(url)}' is not an absolute https URL." };
        }

        cache.TryGetValue(url, out var cached);
        var now = time.GetUtcNow();
        if (cached is not null && now < cached.FreshUntil)
        {
            return new StatusListFetchResult { List = cached, FromCache = true };
        }

        if (RecentFailure(url, now) is { } failed)
        {
            return failed with { LastKnown = cached, FromCache = true };
        }

        var result = await FetchAsync(url, cached, cancellationToken);
        RememberOutcome(url, result, now);
        options.Fetched?.Invoke(result);
        return result;
    }

    /// <summary>The cached copy of a list, fresh or stale, without any network access; null when never fetched.</summary>
    public FetchedStatusList? GetCached(string url) => cache.TryGetValue(url, out var cached) ? cached : null;

    private async Task<StatusListFetchResult> FetchAsync(string url, FetchedStatusList? cached, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var fetch = await PublicHttp.GetAsync(http, url, options.Fetching, request =>
            {
                request.Headers.Accept.ParseAdd(AcceptedMediaTypes);
                if (cached?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }
            }, linked.Token);
            if (fetch.Response is not { } response)
            {
                return Failed(StatusListFetchFailure.AddressRefused, cached, PublicHttp.FailureMessage);
            }

            var fetchedAt = time.GetUtcNow();
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                // Revalidated: same document, new freshness.
                var renewed = cached with
                {
                    FetchedAt = fetchedAt,
                    FreshUntil = fetchedAt + Freshness(cached.Credential.Ttl, response),
                    ETag = response.Headers.ETag?.ToString() ?? cached.ETag,
                };
                Store(url, renewed);
                return new StatusListFetchResult { List = renewed };
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed(StatusListFetchFailure.HttpStatus, cached, PublicHttp.FailureMessage) with { HttpStatusCode = (int)response.StatusCode };
            }

            var body = await ReadLimitedAsync(response.Content, linked.Token);
            if (body is null)
            {
                return Failed(StatusListFetchFailure.ResponseTooLarge, cached,
                    $"The status list response is larger than {options.MaxResponseBytes} bytes.");
            }

            return Accept(url, body, response, fetchedAt, cached);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(StatusListFetchFailure.Timeout, cached, PublicHttp.FailureMessage);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return PublicHttp.IsRefusal(e)
                ? Failed(StatusListFetchFailure.AddressRefused, cached, PublicHttp.FailureMessage)
                : Failed(StatusListFetchFailure.Unreachable, cached, PublicHttp.FailureMessage);
        }
    }

    private StatusListFetchResult Accept(string url, byte[] body, HttpResponseMessage response, DateTimeOffset fetchedAt, FetchedStatusList? cached)
    {
        // The one parse entry point: repeated members and lone surrogates would otherwise throw later, inside Read.
        var document = Model.CredentialJson.TryParse(body).Document;
        if (document is null)
        {
            return Failed(StatusListFetchFailure.NotJson, cached, "The status list response is not a JSON object.");
        }

        var read = StatusListCredential.Read(document);
        if (!read.Succeeded)
        {
            // A broken list never replaces the last good one.
            return Failed(StatusListFetchFailure.Malformed, cached, read.Detail) with { ReadFailure = read.Failure };
        }

        var fetched = new FetchedStatusList(read.Credential, fetchedAt,
            fetchedAt + Freshness(read.Credential.Ttl, response), response.Headers.ETag?.ToString());
        Store(url, fetched);
        return new StatusListFetchResult { List = fetched };
    }

    private static StatusListFetchResult Failed(StatusListFetchFailure failure, FetchedStatusList? lastKnown, string detail) =>
        new() { Failure = failure, LastKnown = lastKnown, Detail = detail };
}
