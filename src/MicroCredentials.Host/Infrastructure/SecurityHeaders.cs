namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// Security headers on every response: pages are self-contained (no scripts from elsewhere, no framing), and
/// download links carry secrets in their path, so no Referer ever leaves the site. Styles and the one script come
/// from the site itself (wwwroot), never inline; the script talks only to the site itself (the staff passkey ceremony).
/// </summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        // connect-src 'self': the staff pages' script talks to its own origin only (the catalogue form's live check, the passkey ceremony).
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the headers before the response starts.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (h.ContentType.ToString().StartsWith("text/html", StringComparison.Ordinal))
            {
                h.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}
