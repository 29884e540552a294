using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace MicroCredentials.Host.Components;

/// <summary>
/// The public HTML pages: Razor components rendered on the server (no interactivity), texts from resources in the
/// request's language, and the one stylesheet and script they use.
/// </summary>
internal static class PublicPages
{
    /// <summary>The stylesheet's address; the query is its content hash, so it can be cached for a year.</summary>
    public static readonly string StylesheetUrl = "/assets/site.css?v=" + Asset.Css.Version;

    /// <summary>The script's address (copy buttons, print button); the pages work without it.</summary>
    public static readonly string ScriptUrl = "/assets/site.js?v=" + Asset.Js.Version;

    /// <summary>Registers Razor component rendering and resource-based localisation.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        // Pages are UTF-8: letters such as ë, é and — are written as they are, not as &#xEB; (smaller, readable).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(PageCulture.Configure);
        return services;
    }

    /// <summary>Chooses each request's language, remembers a switch in a cookie, and serves the stylesheet and script.</summary>
    public static WebApplication UsePublicPages(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            PageCulture.RememberChoice(context);
            return next(context);
        });
        app.MapMethods("/assets/site.css", [HttpMethods.Get, HttpMethods.Head], (HttpContext c) => Asset.Css.Serve(c)).ExcludeFromDescription();
        app.MapMethods("/assets/site.js", [HttpMethods.Get, HttpMethods.Head], (HttpContext c) => Asset.Js.Serve(c)).ExcludeFromDescription();
        return app;
    }

    /// <summary>A file of wwwroot embedded in the assembly, with its ETag.</summary>
    private sealed record Asset(byte[] Bytes, string ContentType, string Version)
    {
        public static readonly Asset Css = Load("site.css", "text/css; charset=utf-8");

        public static readonly Asset Js = Load("site.js", "text/javascript; charset=utf-8");

        public IResult Serve(HttpContext context)
        {
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.ETag = "\"" + Version + "\"";
            return context.Request.Headers.IfNoneMatch == "\"" + Version + "\""
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(Bytes, ContentType);
        }

        private static Asset Load(string name, string contentType)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MicroCredentials.Host.wwwroot." + name)
                ?? throw new InvalidOperationException($"wwwroot/{name} is not embedded in the host assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            return new Asset(bytes, contentType, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
        }
    }
}
