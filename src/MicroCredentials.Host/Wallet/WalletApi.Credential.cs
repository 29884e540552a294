using System.Text.Json.Nodes;
using MicroCredentials.Data;
using MicroCredentials.Host.Infrastructure.Telemetry;
using Microsoft.AspNetCore.WebUtilities;

namespace MicroCredentials.Host.Wallet;

/// <summary>The token endpoint (RFC 6749 §5, OpenID4VCI 1.0 §6) and the credential endpoint (§8).</summary>
internal static partial class WalletApi
{
    private static async Task<IResult> TokenAsync(HttpRequest request, HttpResponse response, CredentialStore store, TimeProvider time, CancellationToken ct)
    {
        response.Headers.CacheControl = "no-store";
        var body = await ReadCappedAsync(request, ct);
        if (body is null || !(request.ContentType ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return OAuthError(WalletTerms.InvalidRequest, "send a form (application/x-www-form-urlencoded) of at most " + HostLimits.WalletRequestMaxBytes + " bytes");
        }

        var form = QueryHelpers.ParseQuery(body);
        var grantType = form.TryGetValue("grant_type", out var g) ? g.ToString() : null;
        if (grantType != WalletTerms.PreAuthorizedGrant)
        {
            return OAuthError(WalletTerms.UnsupportedGrantType, "only " + WalletTerms.PreAuthorizedGrant + " is supported");
        }

        var code = form.TryGetValue("pre-authorized_code", out var c) ? c.ToString() : "";
        var pin = form.TryGetValue("tx_code", out var p) ? p.ToString() : "";
        if (code.Length is 0 or > HostLimits.WalletCodeMaxLength || pin.Length is 0 or > HostLimits.WalletCodeMaxLength)
        {
            return OAuthError(WalletTerms.InvalidRequest, "pre-authorized_code and tx_code are required (the PIN is on your download page)");
        }

        var accessToken = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var (outcome, _) = await store.RedeemWalletOfferAsync(code, pin, accessToken,
            time.GetUtcNow() + HostLimits.WalletAccessTokenLifetime, HostLimits.WalletTxCodeMaxAttempts, ct);
        return outcome switch
        {
            WalletRedemption.Redeemed => Json(new JsonObject
            {
                ["access_token"] = accessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = (int)HostLimits.WalletAccessTokenLifetime.TotalSeconds,
            }),
            WalletRedemption.WrongTxCode => OAuthError(WalletTerms.InvalidGrant, "the PIN (tx_code) is wrong"),
            WalletRedemption.Locked => OAuthError(WalletTerms.InvalidGrant, $"too many wrong PINs ({HostLimits.WalletTxCodeMaxAttempts}): this offer no longer works, open your download page for a new one"),
            WalletRedemption.Expired => OAuthError(WalletTerms.InvalidGrant, "the offer has expired"),
            WalletRedemption.AlreadyUsed => OAuthError(WalletTerms.InvalidGrant, "the offer was already used"),
            _ => OAuthError(WalletTerms.InvalidGrant, "unknown pre-authorized code"),
        };
    }

    private static async Task<IResult> CredentialAsync(HttpRequest request, CredentialStore store, KeyProofs proofs,
        WalletCredentials credentials, CancellationToken ct)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : "";
        var credentialId = token.Length is > 0 and <= HostLimits.WalletCodeMaxLength ? await store.FindCredentialByAccessTokenAsync(token, ct) : null;
        var stored = credentialId is null ? null : await store.FindByIdAsync(credentialId, ct);
        if (stored is null)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return OAuthError(WalletTerms.InvalidToken, "the access token is missing, unknown or expired", StatusCodes.Status401Unauthorized);
        }

        var body = await ReadCappedAsync(request, ct);
        var json = body is null ? null : TryJson(body);
        var configuration = json?["credential_configuration_id"] is JsonValue cv && cv.TryGetValue<string>(out var cfg) ? cfg : null;
        if (json is null || configuration is null)
        {
            return OAuthError(WalletTerms.InvalidCredentialRequest, "send JSON with credential_configuration_id and proofs");
        }

        if (configuration is not (WalletTerms.SdJwtConfiguration or WalletTerms.LdpConfiguration))
        {
            await store.AuditWalletAsync(stored.Id, $"credential request refused: unknown configuration", ct);
            return OAuthError(WalletTerms.UnknownCredentialConfiguration, $"configurations: {WalletTerms.SdJwtConfiguration}, {WalletTerms.LdpConfiguration}");
        }

        if (json["proofs"] is not JsonObject proofObject || proofObject["jwt"] is not JsonArray jwts || jwts.Count == 0 || proofObject.Count != 1)
        {
            return OAuthError(WalletTerms.InvalidProof, "proofs must be {\"jwt\": [one or more key proofs]}");
        }

        if (jwts.Count > HostLimits.WalletBatchSize)
        {
            return OAuthError(WalletTerms.InvalidCredentialRequest, $"at most {HostLimits.WalletBatchSize} proofs (batch_size)");
        }

        var (keys, error, description) = await proofs.CheckAsync(jwts, ct);
        if (keys is null)
        {
            await store.AuditWalletAsync(stored.Id, $"credential request refused: {error}", ct);
            return OAuthError(error!, description!);
        }

        var issued = new JsonArray();
        foreach (var key in keys)
        {
            issued.Add(new JsonObject
            {
                ["credential"] = configuration == WalletTerms.SdJwtConfiguration
                    ? JsonValue.Create(credentials.SdJwtVc(stored, key))
                    : credentials.LdpVc(stored, key),
            });
        }

        for (var i = 0; i < keys.Count; i++)
        {
            ProductTelemetry.CredentialIssued(configuration == WalletTerms.SdJwtConfiguration ? "dc+sd-jwt" : "ldp_vc", stored.AchievementId);
        }

        await store.AuditWalletAsync(stored.Id, $"{keys.Count} credential(s) issued as {configuration}", ct);
        return Json(new JsonObject { ["credentials"] = issued });
    }
}
