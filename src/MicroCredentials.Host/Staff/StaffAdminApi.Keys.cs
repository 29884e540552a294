using System.Globalization;
using System.Security.Cryptography;
using MicroCredentials.Data;
using MicroCredentials.Host.Components.Staff;
using MicroCredentials.Host.Components.Staff.Admin;
using MicroCredentials.Keys;
using MicroCredentials.Keys.Pkcs11;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace MicroCredentials.Host.Staff;

/// <summary>The keys page: the key history, and "Rotate keys" (stated moment, then a confirmation, then the rotation, audited).</summary>
internal static partial class StaffAdminApi
{
    private static RazorComponentResult<KeysPage> KeysPage(string? done, IssuerKeySet keys, StaffKeyRotation rotation) =>
        KeysResult(keys, rotation, null, done is { Length: <= HostLimits.KeyRotationMomentMaxLength } ? done : null, null, StatusCodes.Status200OK);

    private static async Task<IResult> RotateKeysAsync([FromForm] string? at, [FromForm] string? confirmed, HttpContext http, IssuerKeySet keys,
        StaffKeyRotation rotation, CredentialStore store, TimeProvider time, IStringLocalizer<StaffTexts> s)
    {
        var now = time.GetUtcNow();
        DateTimeOffset moment;
        if (string.IsNullOrWhiteSpace(at))
        {
            moment = now;
        }
        else if (at.Length > HostLimits.KeyRotationMomentMaxLength
            || !DateTime.TryParseExact(at, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return KeysResult(keys, rotation, null, null, s["Keys.Error.Moment"], StatusCodes.Status400BadRequest);
        }
        else
        {
            moment = new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
        }

        if (confirmed != "true")
        {
            return KeysResult(keys, rotation, moment, null, null, StatusCodes.Status200OK);
        }

        KeyRotationResult result;
        try
        {
            result = await rotation.RotateAsync(moment, http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyFileException or KeyModuleException or IOException or UnauthorizedAccessException)
        {
            return KeysResult(keys, rotation, null, null, s["Keys.Error.Refused", e.Message], StatusCodes.Status409Conflict);
        }

        var from = result.Current.ValidFrom!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await store.RecordAuditAsync(http.User.StaffActor(), AuditAction.KeyRotation,
            $"new keys from {from} ({(rotation.InModule ? "HSM" : "files")}): Ed25519 {result.Current.Ed25519} replaces {result.Retired.Ed25519}", CancellationToken.None);
        return Results.Redirect("/staff/admin/keys?done=" + Uri.EscapeDataString(from));
    }

    private static RazorComponentResult<KeysPage> KeysResult(IssuerKeySet keys, StaffKeyRotation rotation, DateTimeOffset? confirm, string? done, string? error, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Components.Staff.Admin.KeysPage.Rows)] = HistoryRows(keys),
            [nameof(Components.Staff.Admin.KeysPage.InModule)] = rotation.InModule,
            [nameof(Components.Staff.Admin.KeysPage.Confirm)] = confirm,
            [nameof(Components.Staff.Admin.KeysPage.Done)] = done,
            [nameof(Components.Staff.Admin.KeysPage.Error)] = error,
        })
        { StatusCode = status };

    // The history's generations (or, before the first rotation, the signing keys), newest first, one row per key.
    private static List<KeyHistoryRow> HistoryRows(IssuerKeySet keys)
    {
        return [.. keys.Generations.Reverse().SelectMany(g => Rows(g, keys.IssuerId))];
    }

    private static IEnumerable<KeyHistoryRow> Rows(KeyGenerationRecord g, string issuerId)
    {
        string Thumbprint(System.Text.Json.Nodes.JsonObject jwk) => Jwt.JwtPublicKey.TryFromJwk(jwk, issuerId, out var key, out _) ? key!.Thumbprint : "?";
        var labels = g.ModuleKeys;
        yield return new KeyHistoryRow("Ed25519", g.Ed25519, g.ValidFrom, g.ValidUntil, labels?.Ed25519);
        yield return new KeyHistoryRow("ES256", Thumbprint(g.Es256), g.ValidFrom, g.ValidUntil, labels?.Es256);
        yield return new KeyHistoryRow("RS256", Thumbprint(g.Rs256), g.ValidFrom, g.ValidUntil, labels?.Rs256);
        if (g.SealCertificate is { } der)
        {
            yield return new KeyHistoryRow("Seal", Convert.ToHexString(SHA256.HashData(Convert.FromBase64String(der))), g.ValidFrom, g.ValidUntil, labels?.Seal);
        }
    }
}
