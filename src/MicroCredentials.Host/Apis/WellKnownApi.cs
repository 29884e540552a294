using MicroCredentials.Catalog;
using MicroCredentials.Host.Infrastructure;
using MicroCredentials.Issuance;
using MicroCredentials.JsonLd;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using Microsoft.Extensions.Options;

namespace MicroCredentials.Host.Apis;

/// <summary>
/// What any verifier needs, public and cacheable: the did:web DID document (every key ever used), the JWKS, the
/// issuer profile, and our JSON-LD context at its published URL.
/// </summary>
internal static class WellKnownApi
{
    public static void MapWellKnown(this WebApplication app)
    {
        var keys = app.Services.GetRequiredService<IssuerKeySet>();
        var didPath = DidWeb.ToDidDocumentUrl(keys.IssuerId).AbsolutePath;
        var group = app.MapGroup("").RequireRateLimiting(HttpPlumbing.PublicPolicy);

        group.MapGet(didPath, (HttpResponse response) => Json(response, DidDocumentBuilder.Build(keys).ToJsonString(), "application/did+json"))
            .WithName("DidDocument").WithSummary("The issuer's did:web DID document: every Ed25519 and JWT key ever used, with assertionMethod.");
        if (didPath != "/.well-known/did.json")
        {
            group.MapGet("/.well-known/did.json", (HttpResponse response) => Json(response, DidDocumentBuilder.Build(keys).ToJsonString(), "application/did+json"));
        }

        group.MapGet("/.well-known/jwks.json", (HttpResponse response) => Json(response, JwksBuilder.Build(keys).ToJsonString(), "application/jwk-set+json"))
            .WithName("Jwks").WithSummary("The public JWT keys (current and retired) that VC-JWT kids resolve to.");

        group.MapGet("/issuer", (HttpResponse response, MicroCredentialCatalog catalog) =>
            {
                var profile = CredentialJson.ToProfileJson(CredentialFactory.BuildIssuer(catalog.Issuer, keys.IssuerId));
                profile.Insert(0, "@context", new System.Text.Json.Nodes.JsonArray(Ob3Terms.VcV2Context, Ob3Terms.Ob303Context));
                return Json(response, profile.ToJsonString(), "application/ld+json");
            })
            .WithName("IssuerProfile").WithSummary("The issuer's Open Badges 3.0 Profile.");

        var contextPath = new Uri(Ob3Terms.MicroCredentialContext).AbsolutePath;
        group.MapGet(contextPath, (HttpResponse response) =>
            {
                response.Headers.CacheControl = "public, max-age=31536000, immutable";
                var document = EmbeddedDocumentLoader.Instance.LoadDocument(Ob3Terms.MicroCredentialContext).Document!;
                return Json(response, document.ToJsonString(), "application/ld+json");
            })
            .WithName("MicroCredentialContext").WithSummary("Our JSON-LD extension context (EU Annex I elements), versioned and never changed.");

        app.MapGet("/healthz", async (Data.CredentialStore store, CancellationToken ct) =>
            TypedResults.Ok(new { status = "healthy", schemaVersion = await store.GetSchemaVersionAsync(ct) }))
            .WithName("Health").WithSummary("Liveness and database check.");
    }

    private static IResult Json(HttpResponse response, string json, string mediaType)
    {
        // Contexts, keys and profiles are read by verifiers running in browsers too.
        response.Headers.AccessControlAllowOrigin = "*";
        if (response.Headers.CacheControl.Count == 0)
        {
            response.Headers.CacheControl = "public, max-age=300";
        }

        return Results.Text(json, mediaType, System.Text.Encoding.UTF8);
    }
}
