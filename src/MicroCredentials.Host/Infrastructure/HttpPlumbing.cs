using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Problem details for every error (RFC 9457), request size limits, rate limiting of public endpoints and the
/// OpenAPI document.
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
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = (int)HttpStatusCode.TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await TypedResults.Problem(title: "Too many requests", detail: "Please wait a minute and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(ctx.HttpContext);
            };
            o.AddPolicy(PublicPolicy, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<IssuerOptions>>().Value.PublicRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 100 * 1024 * 1024);
        return services;
    }

    public static WebApplication UseHttpPlumbing(this WebApplication app)
    {
        // Unexpected exceptions become a 500 problem without details; bad input is answered before that as 4xx.
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
}
