using System.Threading.RateLimiting;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Plugs <see cref="PublicRateLimiter"/> into ASP.NET Core's rate-limiting middleware: the <c>public</c> policy's
/// partition per client is a thin limiter that takes <see cref="RequestCost.Page"/> tokens per request from the
/// shared bucket, so the endpoint code can take the rest of a request's cost from the same bucket.
/// </summary>
internal static class PublicRateLimiterBridge
{
    /// <summary>The partition of <paramref name="context"/>'s client.</summary>
    public static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limiter = context.RequestServices.GetRequiredService<PublicRateLimiter>();
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(PublicRateLimiter.ClientKey(context), key => new ClientLimiter(limiter, key, time));
    }

    /// <summary>A lease that carries Retry-After when refused.</summary>
    public sealed class Lease(bool acquired, TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }

    // The middleware keeps one per client key and drops it after it reports 10 s idle; the bucket lives in PublicRateLimiter.
    private sealed class ClientLimiter(PublicRateLimiter limiter, string key, TimeProvider time) : RateLimiter
    {
        private long lastUsed = time.GetTimestamp();

        public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref lastUsed, time.GetTimestamp());
            if (permitCount == 0)
            {
                return new Lease(true, TimeSpan.Zero);
            }

            var (allowed, retryAfter) = limiter.TryTake(key, permitCount * RequestCost.Page);
            return new Lease(allowed, retryAfter);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }
}
