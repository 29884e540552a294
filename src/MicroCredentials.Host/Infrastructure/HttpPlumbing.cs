using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Problem details for every error (RFC 9457), request size limits, the client address behind trusted proxies, the
/// cost-weighted rate limiting of public endpoints (<see cref="PublicRateLimiter"/>) and the OpenAPI document.
/// </summary>
internal static class HttpPlumbing
{
    /// <summary>The rate limiter policy of public (unauthenticated) endpoints.</summary>
    public const string PublicPolicy = "public";

    public static IServiceCollection AddHttpPlumbing(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.Remove("exception");
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
        });
        services.AddOpenApi(o => o.AddVerificationVocabulary());
        services.AddSingleton<PublicRateLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = (int)HttpStatusCode.TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var wait = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                await TooManyRequests(ctx.HttpContext, wait).ExecuteAsync(ctx.HttpContext);
            };
            o.AddPolicy(PublicPolicy, PublicRateLimiterBridge.Partition);
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<IssuerOptions>>((forwarded, issuer) =>
        {
            // Only the configured proxies are trusted: the defaults (loopback) are removed.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = HostLimits.ForwardedForMaxEntries;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var entry in issuer.Value.TrustedProxies)
            {
                if (TrustedProxiesAttribute.TryParse(entry.Trim(), out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 100 * 1024 * 1024);
        return services;
    }

    public static WebApplication UseHttpPlumbing(this WebApplication app)
    {
        // Unexpected exceptions become a 500 problem without details; bad input is answered before that as 4xx.
        // X-Forwarded-For is read only from configured proxies. With none the middleware is left out entirely: with empty
        // lists it would trust every peer.
        if (app.Services.GetRequiredService<IOptions<IssuerOptions>>().Value.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                InvalidDataException or FormatException => StatusCodes.Status400BadRequest,
                OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/v1.json");
        return app;
    }

    /// <summary>The 429 problem with Retry-After (whole seconds, at least 1).</summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many requests",
            detail: $"Too many requests from your address; please wait {seconds} s and try again.", statusCode: StatusCodes.Status429TooManyRequests);
    }
}
