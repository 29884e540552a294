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
        var identity = app.Services.GetRequiredService<IssuerIdentityState>();
        var group = app.MapGroup("").RequireRateLimiting(HttpPlumbing.PublicPolicy);

        // Every identity ever used keeps its DID document (after a domain move the old domain's did.json must still
        // answer, usually by the old domain pointing at this host); the request's host picks between those at one path.
        var didPaths = identity.All.Select(i => DidWeb.ToDidDocumentUrl(i.IssuerId).AbsolutePath).Append(DidWeb.WellKnownPath).Distinct(StringComparer.Ordinal);
        foreach (var didPath in didPaths)
        {
            var endpoint = group.MapGet(didPath, (HttpRequest request, HttpResponse response) =>
            {
                var chosen = identity.ForDidDocument(request.Host.Value ?? string.Empty, didPath) ?? identity.Current;
                return Json(response, DidDocumentBuilder.Build(chosen.IssuerId, keys.Ed25519PublicKeysMultibase, keys.JwtPublicKeys).ToJsonString(), DidDocumentBuilder.MediaType);
            });
            if (didPath == DidWeb.ToDidDocumentUrl(identity.Current.IssuerId).AbsolutePath)
            {
                endpoint.WithName("DidDocument").WithSummary("The issuer's did:web DID document: every Ed25519 and JWT key ever used, with assertionMethod.");
            }
        }

        group.MapGet("/.well-known/jwks.json", (HttpResponse response) => Json(response, JwksBuilder.Build(keys).ToJsonString(), "application/jwk-set+json"))
            .WithName("Jwks").WithSummary("The public JWT keys (current and retired) that VC-JWT kids resolve to.");

        group.MapGet("/issuer", (HttpResponse response, MicroCredentialCatalog catalog) =>
            {
                var profile = CredentialJson.ToProfileJson(CredentialFactory.BuildIssuer(catalog.Issuer, keys.IssuerId));
                profile.Insert(0, "@context", new System.Text.Json.Nodes.JsonArray(Ob3Terms.VcV2Context, Ob3Terms.Ob303Context));
                if (keys.IsDemo)
                {
                    // This host signs with the public demo keys: say so to software too.
                    profile["demo"] = true;
                }

                return Json(response, profile.ToJsonString(), "application/ld+json");
            })
            .WithName("IssuerProfile").WithSummary("The issuer's Open Badges 3.0 Profile (with \"demo\": true when the host signs with the public demo keys).");

        // Our context at the stored address (what new credentials name), at earlier addresses, and at its first URL.
        var contextPaths = identity.All.Select(i => new Uri(i.ContextUrl).AbsolutePath).Append(new Uri(ContextUrls.MicroCredentialV1).AbsolutePath)
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var contextPath in contextPaths)
        {
            var endpoint = group.MapGet(contextPath, (HttpResponse response) =>
            {
                response.Headers.CacheControl = "public, max-age=31536000, immutable";
                var document = EmbeddedDocumentLoader.Instance.LoadDocument(ContextUrls.MicroCredentialV1).Document!;
                return Json(response, document.ToJsonString(), "application/ld+json");
            });
            if (contextPath == contextPaths[0])
            {
                endpoint.WithName("MicroCredentialContext").WithSummary("Our JSON-LD extension context (EU Annex I elements), versioned and never changed.");
            }
        }

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
