
namespace MicroCredentials.Host.Catalogue;

/// <summary>
/// The institution's logo at <c>/institution/logo</c>, from the host's own origin (the pages' CSP is
/// <c>img-src 'self' data:</c>), with a strong ETag: a browser revalidates and gets 304 until the logo changes. The
/// pages link it with its ETag as <c>?v=</c>, so a changed logo is a new address.
/// </summary>
internal static class CatalogueLogoApi
{
    /// <summary>The logo's path.</summary>
    public const string Path = "/institution/logo";

    /// <summary>Maps GET (and HEAD) of the logo; 404 problem details when the catalogue has none.</summary>
    public static IEndpointRouteBuilder MapCatalogueLogo(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], (HttpContext http, CatalogueState catalogue) =>
        {
            if (catalogue.Logo is not { } logo)
            {
                return Results.Problem(title: "No logo", detail: "The catalogue has no institution logo.", statusCode: StatusCodes.Status404NotFound);
            }

            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.ETag = logo.ETag;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == logo.ETag || t.Trim() == "*")))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(logo.Bytes, logo.MediaType);
        }).ExcludeFromDescription();
        return app;
    }
}
