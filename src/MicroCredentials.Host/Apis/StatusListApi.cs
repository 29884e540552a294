using System.Globalization;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Host.Infrastructure.Telemetry;

namespace MicroCredentials.Host.Apis;

/// <summary><c>GET /status/{list}</c>: a signed BitstringStatusListCredential, cacheable for its ttl, with an ETag.</summary>
internal static class StatusListApi
{
    public static void MapStatusLists(this WebApplication app) =>
        app.MapGet("/status/{list}", GetAsync).RequireRateLimiting(HttpPlumbing.PublicPolicy)
            .WithName("StatusList").WithSummary("A W3C Bitstring Status List credential (revocation or suspension).")
            .ProducesProblem(404);

    private static async Task<IResult> GetAsync(string list, HttpRequest request, HttpResponse response, StatusListPublisher publisher, CancellationToken ct)
    {
        if (!long.TryParse(list, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || await publisher.GetSignedAsync(id, ct) is not { } signed)
        {
            ProductTelemetry.StatusListFetched("served", "not_found");
            return TypedResults.Problem(title: "Unknown status list", detail: $"There is no status list '{list}'.", statusCode: 404,
                type: "https://www.w3.org/ns/credentials/status-list#STATUS_RETRIEVAL_ERROR");
        }

        var etag = $"\"{id}-{signed.Version}\"";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = $"public, max-age={(int)StatusListPublisher.Ttl.TotalSeconds}";
        response.Headers.AccessControlAllowOrigin = "*";
        if (request.Headers.IfNoneMatch.Contains(etag))
        {
            ProductTelemetry.StatusListFetched("served", "not_modified");
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        ProductTelemetry.StatusListFetched("served", "ok");
        return Results.Text(signed.Credential.ToJsonString(), "application/vc+ld+json", System.Text.Encoding.UTF8);
    }
}
