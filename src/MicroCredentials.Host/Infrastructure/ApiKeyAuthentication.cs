using MicroCredentials.Data;

namespace MicroCredentials.Host.Infrastructure;

/// <summary>
/// API-key authentication of the staff endpoints: <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>.
/// A missing, unknown or revoked key gets 401; a key without the needed role gets 403. Both are problem details.
/// </summary>
internal static class ApiKeyAuthentication
{
    public const string ActorItem = "microcred.actor";

    /// <summary>Requires a valid key with at least <paramref name="role"/> (Administrator includes Issuer).</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, ApiKeyRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var presented = http.Request.Headers["X-Api-Key"].ToString();
            var authorization = http.Request.Headers.Authorization.ToString();
            if (presented.Length == 0 && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                presented = authorization["Bearer ".Length..].Trim();
            }

            if (presented.Length == 0 || presented.Length > 512)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return TypedResults.Problem(title: "API key required", detail: "Send the key as 'Authorization: Bearer <key>'.", statusCode: 401);
            }

            var store = http.RequestServices.GetRequiredService<CredentialStore>();
            var verification = await store.VerifyApiKeyAsync(presented, http.RequestAborted);
            if (!verification.IsValid)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return TypedResults.Problem(title: "Invalid API key", detail: "The key is unknown or was revoked.", statusCode: 401);
            }

            if (role == ApiKeyRole.Administrator && verification.Key!.Role != ApiKeyRole.Administrator)
            {
                return TypedResults.Problem(title: "Not allowed", detail: "This action needs an administrator key.", statusCode: 403);
            }

            http.Items[ActorItem] = "api-key:" + verification.Key!.Name;
            return await next(context);
        });

    /// <summary>The name of the authenticated key, for the audit log.</summary>
    public static string Actor(this HttpContext http) => http.Items[ActorItem] as string ?? "unknown";
}
