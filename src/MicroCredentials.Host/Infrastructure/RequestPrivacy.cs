using System.Diagnostics;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Request logging that never writes a secret, and HSTS. ASP.NET Core's own request lines
/// (<c>Microsoft.AspNetCore.Hosting.Diagnostics</c>: "Request starting GET …/d/&lt;token&gt;") are switched off by
/// <see cref="AddRequestPrivacy"/>; this middleware writes one line per request instead, with the path scrubbed:
/// graduates' download tokens become <c>***</c> and the query string is left out. API keys travel in headers, which
/// are never logged. HSTS is sent outside Development on requests the host itself received over TLS (a reverse proxy
/// that terminates TLS must send it; see the README).
/// </summary>
internal static class RequestPrivacy
{
    /// <summary>The log category of the scrubbed request lines.</summary>
    public const string Category = "MicroCredentials.Requests";

    /// <summary>What a secret path segment is replaced with.</summary>
    public const string Redacted = "***";

    private const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Silences the framework's unscrubbed request lines and its request log scope (both carry the full path; the scope is
    /// attached to every log entry written during a request). Errors are still logged by the exception handler.
    /// </summary>
    public static void AddRequestPrivacy(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter(HostingDiagnostics, LogLevel.None);

        // These write the raw request path in their Debug/Trace messages ("candidate(s) found for the request path …").
        foreach (var category in PathLoggingCategories)
        {
            builder.Logging.AddFilter(category, LogLevel.Information);
        }
    }

    private static readonly string[] PathLoggingCategories =
        ["Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.StaticFiles", "Microsoft.AspNetCore.StaticAssets", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>Adds the scrubbed request log and, outside Development, HSTS.</summary>
    public static WebApplication UseRequestPrivacy(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("{Method} {Path} {Status} {Elapsed:0.0} ms", context.Request.Method, Scrub(context.Request.Path.Value),
                        context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    /// <summary>The path with every secret segment replaced: <c>/d/&lt;token&gt;/badge.png</c> → <c>/d/***/badge.png</c>.</summary>
    public static string Scrub(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var segments = path.Split('/');
        for (var i = 1; i < segments.Length - 1; i++)
        {
            // /d/{token}: the token alone opens a graduate's certificate and personal data.
            if (string.Equals(segments[i], "d", StringComparison.OrdinalIgnoreCase) && i == 1)
            {
                segments[i + 1] = Redacted;
            }
        }

        return string.Join('/', segments);
    }
}
