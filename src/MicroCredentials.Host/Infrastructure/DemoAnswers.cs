using System.Text.Json.Nodes;
using MicroCredentials.Keys;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// On a host that signs with the public demo keys, every JSON object answered by the issuance API (<c>/api/credentials…</c>,
/// <c>/api/batches…</c>) gains <c>"demo": true</c>, so software that issues through us cannot mistake the result for a
/// real credential (DESIGN §4). A host with real keys does nothing here.
/// </summary>
internal static class DemoAnswers
{
    /// <summary>The member added to each answer.</summary>
    public const string Member = "demo";

    // Issuance answers are small (one credential's links, a batch's rows); a larger body is passed on unmarked.
    private const int MaxMarkedBytes = 16 * 1024 * 1024;

    public static WebApplication UseDemoAnswers(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IssuerKeySet>().IsDemo)
        {
            return app;
        }

        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api/credentials") || c.Request.Path.StartsWithSegments("/api/batches"), branch => branch.Use(async (context, next) =>
        {
            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var bytes = buffer.ToArray();
            if (context.Response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true && bytes.Length < MaxMarkedBytes
                && TryMark(bytes) is { } marked)
            {
                bytes = marked;
                context.Response.ContentLength = bytes.Length;
            }

            // An empty answer is left unstarted, so the status code pages can still write their problem details.
            if (bytes.Length > 0)
            {
                await original.WriteAsync(bytes, context.RequestAborted);
            }
        }));
        return app;
    }

    private static byte[]? TryMark(byte[] json)
    {
        try
        {
            if (JsonNode.Parse(json) is JsonObject answer && !answer.ContainsKey(Member))
            {
                answer[Member] = true;
                return System.Text.Encoding.UTF8.GetBytes(answer.ToJsonString());
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not ours to fix: pass it on as it is.
        }

        return null;
    }
}
