using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.Keys;
using MicroCredentials.SdJwt;
using MicroCredentials.Status;

namespace MicroCredentials.Host.Wallet;

/// <summary>
/// The SD-JWT VC branch of <c>POST /api/verify</c>: what a wallet presents back (with or without a key binding JWT),
/// reported as issuer signature, disclosures, holder binding and status. Our own Token Status Lists are read locally;
/// another issuer's SD-JWT VC does not verify (its keys are not ours), so nothing is fetched.
/// </summary>
internal sealed class SdJwtVcVerification(IssuerKeySet keys, TokenStatusLists lists, WalletIssuer issuer, TimeProvider time)
{
    /// <summary>True when the upload looks like an SD-JWT (a compact JWS followed by <c>~</c>).</summary>
    public static bool LooksLikeSdJwt(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.Trim("\r\n\t "u8);
        return text.StartsWith("eyJ"u8) && text.IndexOf((byte)'~') > 0 && text.IndexOfAny("{} "u8) < 0;
    }

    public async Task<IResult> VerifyAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var text = Encoding.ASCII.GetString(bytes.Span).Trim();
        var result = SdJwtVerifier.Verify(text, keys.JwtKeyResolver, time, new SdJwtVerificationOptions { ExpectedType = SdJwtVcTerms.Type });
        var checks = new JsonArray();
        if (!result.IsValid && result.Payload is null)
        {
            checks.Add(Check("signature", "failed", result.Failure.ToString(), result.Detail));
            return Answer("invalid", checks, null);
        }

        var payload = result.Payload!;
        checks.Add(Check("signature", "passed", null, "signed by the issuer's key " + result.IssuerKeyId));
        checks.Add(Check("disclosures", "passed", null, string.Join(", ", result.DisclosedPaths)));
        checks.Add(result.KeyBound
            ? Check("holder_binding", "passed", null, $"key binding JWT for {result.KeyBindingAudience} signed by the cnf key")
            : result.Failure is { } kbFailure
                ? Check("holder_binding", "failed", kbFailure.ToString(), result.Detail)
                : Check("holder_binding", "not_checked", null, "no key binding JWT was presented"));
        var status = await StatusAsync(payload, ct);
        checks.Add(status.Check);
        var verdict = !result.IsValid ? "invalid" : status.Value switch
        {
            TokenStatusList.Valid => "valid",
            TokenStatusList.Invalid => "revoked",
            TokenStatusList.Suspended => "suspended",
            _ => "unknown_status",
        };
        return Answer(verdict, checks, payload);
    }

    private async Task<(int? Value, JsonObject Check)> StatusAsync(JsonObject payload, CancellationToken ct)
    {
        var entry = payload[SdJwtVcTerms.Status]?[SdJwtVcTerms.StatusList] as JsonObject;
        var uri = entry is null ? null : CompactJws.StringMember(entry, SdJwtVcTerms.Uri);
        var idx = entry?[SdJwtVcTerms.Idx] is JsonValue iv && iv.TryGetValue<int>(out var i) ? i : -1;
        var prefix = issuer.TokenStatusListUrl(0)[..^"0/token".Length];
        if (uri is null || idx < 0 || !uri.StartsWith(prefix, StringComparison.Ordinal) || !uri.EndsWith("/token", StringComparison.Ordinal)
            || !long.TryParse(uri.AsSpan(prefix.Length, uri.Length - prefix.Length - "/token".Length), out var listId))
        {
            return (null, Check("status", "failed", "UnknownStatusList", "the status claim does not name one of our Token Status Lists"));
        }

        var token = await lists.GetAsync(listId, ct);
        var list = TokenStatusListToken.TryRead(token, uri, keys.JwtKeyResolver, time.GetUtcNow(), out var error);
        if (list is null || idx >= list.Count)
        {
            return (null, Check("status", "failed", "StatusListUnreadable", error ?? "the index is outside the list"));
        }

        var value = list.Get(idx);
        return (value, Check("status", value == TokenStatusList.Valid ? "passed" : "failed", null, $"Token Status List {listId} index {idx}: {value}"));
    }

    private static JsonObject Check(string id, string status, string? reason, string? detail) => new()
    {
        ["id"] = id,
        ["status"] = status,
        ["reason"] = reason,
        ["detail"] = detail,
    };

    private static IResult Answer(string verdict, JsonArray checks, JsonObject? claims) => WalletApi.Json(new JsonObject
    {
        ["verified"] = verdict == "valid",
        ["verdict"] = verdict,
        ["format"] = SdJwtVcTerms.Type,
        ["checks"] = checks,
        ["claims"] = claims,
    });
}
