using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Apis;
using MicroCredentials.Host.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using MicroCredentials.Keys;
using MicroCredentials.SdJwt;
using MicroCredentials.Status;

namespace MicroCredentials.Host.Wallet;

/// <summary>
/// The OpenID4VCI 1.0 credential issuer (pre-authorized code flow) and what wallets and verifiers read around it:
/// issuer and authorization-server metadata, offers, token, nonce and credential endpoints, the SD-JWT VC type
/// metadata and the Token Status Lists.
/// </summary>
internal static partial class WalletApi
{
    public static IServiceCollection AddWallet(this IServiceCollection services) => services
        .AddSingleton<WalletIssuer>()
        .AddSingleton<WalletOffers>()
        .AddSingleton<WalletMetadata>()
        .AddSingleton<KeyProofs>()
        .AddSingleton(sp => new WalletX5c(
            PathResolver.Resolve(sp.GetRequiredService<IOptions<IssuerOptions>>().Value.KeysPath, sp.GetRequiredService<IHostEnvironment>().ContentRootPath),
            sp.GetRequiredService<IssuerKeySet>().IssuerId, sp.GetRequiredService<TimeProvider>()))
        .AddSingleton<WalletCredentials>()
        .AddSingleton<TokenStatusLists>()
        .AddSingleton<SdJwtVcVerification>();

    public static void MapWallet(this WebApplication app)
    {
        // Read the x5c certificates at start-up, so an unreadable file stops the host rather than a credential request.
        app.Services.GetRequiredService<WalletX5c>();
        var group = app.MapGroup("").RequireRateLimiting(HttpPlumbing.PublicPolicy).WithTags("Wallet");
        group.MapGet("/.well-known/openid-credential-issuer", (HttpRequest request, WalletMetadata metadata) =>
            request.Headers.Accept.Any(a => a is not null && a.Contains("application/jwt", StringComparison.OrdinalIgnoreCase))
                ? Results.Text(metadata.SignedCredentialIssuer(), "application/jwt")
                : Json(metadata.CredentialIssuer()))
            .WithSummary("OpenID4VCI credential issuer metadata (signed as application/jwt on request).");
        group.MapGet("/.well-known/oauth-authorization-server", (WalletMetadata metadata) => Json(metadata.AuthorizationServer()))
            .WithSummary("OAuth authorization server metadata of the pre-authorized code flow.");
        group.MapGet(SdJwtVcTerms.VctPath, (WalletIssuer issuer) => Json(MicroCredentialTypeMetadata.Build(issuer.Vct)))
            .WithSummary("SD-JWT VC type metadata of the micro-credential type.");
        group.MapGet("/status/{list}/token", StatusTokenAsync).WithSummary("An IETF Token Status List (statuslist+jwt).");
        group.MapPost(WalletTerms.OffersPath, CreateOfferAsync).WithSummary("Makes a credential offer for the holder of a download link.");
        app.MapPost("/d/{token}/wallet", PageOfferAsync).RequireRateLimiting(HttpPlumbing.PublicPolicy).ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(Staff.StaffAccountApi.RefuseForgedPostAsync);
        group.MapGet(WalletTerms.OffersPath + "/{code}", GetOfferAsync).WithSummary("A credential offer by reference (credential_offer_uri).");
        group.MapPost(WalletTerms.TokenPath, TokenAsync).DisableAntiforgery().WithSummary("Token endpoint (pre-authorized code grant with tx_code).");
        group.MapPost(WalletTerms.NoncePath, NonceAsync).WithSummary("Nonce endpoint (c_nonce).");
        group.MapPost(WalletTerms.CredentialPath, CredentialAsync).WithSummary("Credential endpoint (jwt key proofs, batch).");
    }

    private static async Task<IResult> StatusTokenAsync(string list, TokenStatusLists lists, CancellationToken ct)
    {
        if (!long.TryParse(list, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || await lists.GetAsync(id, ct) is not { } token)
        {
            return TypedResults.Problem(title: "Unknown status list", detail: $"There is no status list '{list}'.", statusCode: 404);
        }

        return Results.Text(token, TokenStatusListToken.MediaType);
    }

    private static async Task<IResult> CreateOfferAsync(HttpRequest request, CredentialStore store, WalletOffers offers, CancellationToken ct)
    {
        var body = await ReadCappedAsync(request, ct);
        var token = body is null ? null : TryJson(body)?["download_token"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
        var stored = token is { Length: > 8 and <= 64 } ? await store.FindByDownloadTokenAsync(token, ct) : null;
        if (stored is null)
        {
            return TypedResults.Problem(title: "Unknown download link", detail: "No credential has this download token.", statusCode: 404);
        }

        if (stored.IsRevoked || stored.IsSuspended || stored.SupersededBy is not null)
        {
            return TypedResults.Problem(title: "Not in force", detail: "A revoked, suspended or superseded credential cannot be added to a wallet.", statusCode: 409);
        }

        var offer = await offers.GetOrCreateAsync(stored.Id, ct);
        return Json(new JsonObject
        {
            ["credential_offer_uri"] = offer.CredentialOfferUri,
            ["offer_link"] = offer.Link,
            ["tx_code"] = offer.Pin,
            ["expires_at"] = offer.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
            ["reused"] = offer.Reused,
        }, offer.Reused ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    // The download page's "Add to your wallet" button: reuse the live offer or make one, then back to the page (PRG).
    private static async Task<IResult> PageOfferAsync(string token, HttpContext http, CredentialStore store, WalletOffers offers, CancellationToken ct)
    {
        var stored = token.Length is > 8 and <= 64 ? await store.FindByDownloadTokenAsync(token, ct) : null;
        if (stored is null)
        {
            return DownloadsApi.UnknownLink(http);
        }

        if (!stored.IsRevoked && !stored.IsSuspended && stored.SupersededBy is null)
        {
            await offers.GetOrCreateAsync(stored.Id, ct);
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.Location = $"/d/{Uri.EscapeDataString(token)}#wallet-title";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    private static async Task<IResult> GetOfferAsync(string code, WalletOffers offers, CancellationToken ct) =>
        await offers.OfferAsync(code, ct) is { } offer
            ? Json(offer)
            : TypedResults.Problem(title: "Unknown offer", detail: "The offer is unknown, used, locked after too many wrong PINs, or expired: open your download page for a new one.", statusCode: 404);

    private static async Task<IResult> NonceAsync(HttpResponse response, CredentialStore store, TimeProvider time, CancellationToken ct)
    {
        var nonce = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await store.CreateWalletNonceAsync(nonce, time.GetUtcNow() + HostLimits.WalletNonceLifetime, ct);
        response.Headers.CacheControl = "no-store";
        return Json(new JsonObject { ["c_nonce"] = nonce });
    }

    internal static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, status);

    internal static IResult OAuthError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Json(new JsonObject { ["error"] = error, ["error_description"] = description }, status);

    internal static JsonObject? TryJson(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 16 }) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The request body as text, or null when it is longer than <see cref="HostLimits.WalletRequestMaxBytes"/>.</summary>
    internal static async Task<string?> ReadCappedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > HostLimits.WalletRequestMaxBytes)
        {
            return null;
        }

        var buffer = new byte[HostLimits.WalletRequestMaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
        }

        return total > HostLimits.WalletRequestMaxBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }
}

/// <summary>Signed Token Status Lists, derived from the same status records as the Bitstring Status Lists, cached by list version.</summary>
internal sealed class TokenStatusLists(CredentialStore store, IssuerKeySet keys, WalletIssuer issuer, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, (long Version, DateTimeOffset SignedAt, string Token)> cache = new();

    public async Task<string?> GetAsync(long listId, CancellationToken ct)
    {
        var info = await store.GetStatusListInfoAsync(listId, ct);
        if (info is null || info.Purpose != StatusPurpose.Revocation)
        {
            return null;
        }

        // Re-signed when the list changes, and once its ttl has passed, so the served token never nears its exp.
        if (cache.TryGetValue(listId, out var cached) && cached.Version == info.Version && time.GetUtcNow() < cached.SignedAt + StatusListPublisher.Ttl)
        {
            return cached.Token;
        }

        var snapshot = await store.GetStatusListAsync(listId, ct);
        if (snapshot is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var token = TokenStatusListToken.Sign(TokenStatusList.FromBitstrings(snapshot.ToBitstring()), issuer.TokenStatusListUrl(listId),
            now, StatusListPublisher.Ttl, keys.Es256);
        cache[listId] = (snapshot.Info.Version, now, token);
        return token;
    }
}
