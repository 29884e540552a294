using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroCredentials.Tests.Shared;

/// <summary>
/// A small, real OpenID Connect provider on loopback for tests: discovery, JWKS, the authorization endpoint (it signs in
/// <see cref="NextUser"/> without a login form), and the token endpoint (authorization code, PKCE S256 required, client
/// secret checked, codes single-use and bound to the redirect URI), with RS256 ID tokens. The app under test runs its real
/// OpenID Connect handler against it: redirect, code exchange, signature, issuer, audience and nonce validation.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] };
    private readonly ConcurrentDictionary<string, Grant> codes = new(StringComparer.Ordinal);

    private OidcTestProvider(WebApplication app, string clientId, string clientSecret)
    {
        this.app = app;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The person the next authorization request signs in.</summary>
    public sealed record User(string Subject, string Name, string Email, IReadOnlyList<string> Roles);

    private sealed record Grant(string ClientId, string RedirectUri, string Challenge, string? Nonce, User User);

    /// <summary>The issuer URL (the app's Authority).</summary>
    public string Authority { get; private set; } = string.Empty;

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Who signs in next.</summary>
    public User NextUser { get; set; } = new("u-1", "Test User", "test@example.be", []);

    /// <summary>Token requests answered, and refused.</summary>
    public int TokensIssued { get; private set; }

    public int TokenRequestsRefused { get; private set; }

    /// <summary>Starts the provider on a free loopback port.</summary>
    public static async Task<OidcTestProvider> StartAsync(string clientId = "microcred-staff", string clientSecret = "test-client-secret")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new OidcTestProvider(app, clientId, clientSecret);
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Jwks);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.TokenAsync);
        await app.StartAsync();
        provider.Authority = app.Urls.Single().TrimEnd('/');
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        key.Rsa.Dispose();
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = Authority + "/authorize",
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["scopes_supported"] = new[] { "openid", "profile", "email" },
    });

    private IResult Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = jwk.N, e = jwk.E } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        string clientId = q["client_id"].ToString(), redirectUri = q["redirect_uri"].ToString(), state = q["state"].ToString();
        if (clientId != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || q["code_challenge"].ToString().Length < 43
            || !Uri.TryCreate(redirectUri, UriKind.Absolute, out _) || !q["scope"].ToString().Split(' ').Contains("openid"))
        {
            return Results.BadRequest("invalid_request");
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        codes[code] = new Grant(clientId, redirectUri, q["code_challenge"].ToString(), q["nonce"].ToString() is { Length: > 0 } n ? n : null, NextUser);
        if (q["response_mode"] == "form_post")
        {
            var html = new StringBuilder("<!DOCTYPE html><html><head><title>Signing in</title></head><body onload=\"document.forms[0].submit()\">");
            html.Append(CultureInvariant($"<form method=\"post\" action=\"{HtmlEncoder.Default.Encode(redirectUri)}\">"));
            html.Append(CultureInvariant($"<input type=\"hidden\" name=\"code\" value=\"{code}\"><input type=\"hidden\" name=\"state\" value=\"{HtmlEncoder.Default.Encode(state)}\">"));
            html.Append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        }

        return Results.Redirect($"{redirectUri}?code={code}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (form["grant_type"] != "authorization_code" || clientId != ClientId || secret != ClientSecret
            || !codes.TryRemove(form["code"].ToString(), out var grant) || grant.ClientId != clientId || grant.RedirectUri != form["redirect_uri"]
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
        {
            TokenRequestsRefused++;
            return Results.Json(new { error = "invalid_grant" }, statusCode: (int)HttpStatusCode.BadRequest);
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = grant.User.Subject,
            ["name"] = grant.User.Name,
            ["email"] = grant.User.Email,
            ["preferred_username"] = grant.User.Email,
            ["roles"] = grant.User.Roles.ToArray(),
        };
        if (grant.Nonce is not null)
        {
            claims["nonce"] = grant.Nonce;
        }

        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = clientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        TokensIssued++;
        return Results.Json(new { access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
