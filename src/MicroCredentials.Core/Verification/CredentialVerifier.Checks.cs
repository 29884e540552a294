using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;
using MicroCredentials.Model;

namespace MicroCredentials.Verification;

public sealed partial class CredentialVerifier
{
    // The registered JWT claims a VC-JWT payload carries next to the credential: not part of the credential's schema.
    private static readonly FrozenSet<string> JwtClaimNames = FrozenSet.Create(StringComparer.Ordinal, "iss", "jti", "nbf", "sub", "exp", "iat", "aud");
    private static readonly FrozenSet<string> StatusOnly = FrozenSet.Create(StringComparer.Ordinal, "credentialStatus");
    private static readonly FrozenSet<string> JwtClaimsAndStatus = FrozenSet.Create(StringComparer.Ordinal, [.. JwtClaimNames, "credentialStatus"]);

    private static bool LooksLikeCredential(JsonObject credential, out string why)
    {
        var types = credential["type"] switch
        {
            JsonArray a => a.Select(t => t?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)t : null).ToList(),
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => [],
        };
        var context = credential["@context"] as JsonArray;
        why = context is null || context.Count == 0 || context[0] is not JsonValue first || (string?)first != Ob3Terms.VcV2Context
            ? "The document is not a W3C Verifiable Credential 2.0 (its first @context must be https://www.w3.org/ns/credentials/v2)."
            : !types.Contains("VerifiableCredential")
                ? "The document's type does not include VerifiableCredential."
                : !types.Contains("OpenBadgeCredential") && !types.Contains("AchievementCredential")
                    ? "The credential is not an Open Badges 3.0 OpenBadgeCredential."
                    : string.Empty;
        return why.Length == 0;
    }

    /// <summary>
    /// The schema step. VC 2.0 allows several status entries where the OB 3.0.3 schema allows one object, so each entry
    /// is checked against the schema's <c>credentialStatus</c> subschema on its own. A valid credential is answered in
    /// one pass; only an invalid one is evaluated again for its messages.
    /// </summary>
    /// <param name="credential">The credential (for a VC-JWT, its payload).</param>
    /// <param name="ignored">Top-level members the schema must not see (the JWT claims of a VC-JWT payload).</param>
    internal static VerificationCheck CheckSchema(JsonObject credential, IReadOnlySet<string>? ignored = null)
    {
        var ob3 = SchemaValidator.Ob3Schema;
        var statuses = credential["credentialStatus"] as JsonArray;
        var statusSchema = statuses is null ? null : ob3.Property("credentialStatus");
        var rootIgnored = statuses is null ? ignored : ignored is null ? StatusOnly : JwtClaimsAndStatus;
        var achievement = credential["credentialSubject"]?["achievement"];
        var ours = credential["@context"] is JsonArray ctx && ctx.Any(c => c is JsonValue v && v.TryGetValue<string>(out var url) && JsonLd.ContextUrls.IsMicroCredentialV1(url));
        var subject = credential["credentialSubject"] as JsonObject;
        var anonymous = subject is not null && subject["id"] is null && subject["identifier"] is null;

        var valid = ob3.IsValid(credential, rootIgnored)
            && (statusSchema is null || statuses!.All(s => statusSchema.IsValid(s)))
            && (!ours || (achievement is not null && SchemaValidator.ExtensionSchema.IsValid(achievement)))
            && !anonymous;
        if (valid)
        {
            return new(CheckId.Schema, CheckOutcome.Pass, VerificationReasons.Ok,
                ours ? "Valid against the Open Badges 3.0 schema and the EU micro-credential extension." : "Valid against the Open Badges 3.0 schema.");
        }

        var errors = new List<string>();
        ob3.Validate(credential, errors, ignoredProperties: rootIgnored);
        for (var i = 0; statusSchema is not null && i < statuses!.Count; i++)
        {
            statusSchema.Validate(statuses[i], errors, "/credentialStatus/" + i.ToString(CultureInfo.InvariantCulture));
        }

        if (ours)
        {
            errors.AddRange(SchemaValidator.ValidateMicroCredentialExtension(credential));
        }

        if (anonymous)
        {
            errors.Add("credentialSubject has neither id nor identifier (OB 3.0 verification step 1).");
        }

        return new(CheckId.Schema, CheckOutcome.Fail, VerificationReasons.SchemaInvalid, string.Join(" ", errors.Take(5)));
    }

    private IEnumerable<VerificationCheck> CheckDataIntegrity(JsonObject credential)
    {
        var result = DataIntegrityVerifier.Verify(credential, _dataIntegrityKeys);
        var issuerId = IssuerId(credential);
        if (result.IsValid)
        {
            var vm = result.Proof!.VerificationMethod;
            yield return new(CheckId.Proof, CheckOutcome.Pass, VerificationReasons.Ok,
                $"The {result.Proof.Cryptosuite} signature is valid: nothing was changed since signing.");
            var controlled = issuerId is not null && vm.StartsWith(issuerId + "#", StringComparison.Ordinal);
            yield return controlled
                ? new(CheckId.IssuerKey, CheckOutcome.Pass, VerificationReasons.Ok, $"Signed with {vm}, a key the issuer {issuerId} publishes.")
                : new(CheckId.IssuerKey, CheckOutcome.Fail, VerificationReasons.UnknownKey, $"The signing key {vm} is not controlled by the issuer {issuerId}.");
            yield break;
        }

        if (result.Failure is DataIntegrityFailure.UnknownVerificationMethod && IsAnotherIssuers(issuerId, result.Proof?.VerificationMethod))
        {
            foreach (var another in AnotherIssuersChecks(issuerId))
            {
                yield return another;
            }

            yield break;
        }

        var (reason, check) = result.Failure switch
        {
            DataIntegrityFailure.NoProof => (VerificationReasons.NoProof, CheckId.Proof),
            DataIntegrityFailure.UnknownVerificationMethod or DataIntegrityFailure.InvalidPublicKey => (VerificationReasons.UnknownKey, CheckId.IssuerKey),
            DataIntegrityFailure.SignatureInvalid or DataIntegrityFailure.CanonicalizationFailed => (VerificationReasons.SignatureInvalid, CheckId.Proof),
            _ => (VerificationReasons.ProofUnsupported, CheckId.Proof),
        };
        var detail = reason switch
        {
            VerificationReasons.SignatureInvalid => "The signature does not match the content: the credential was changed after signing. " + result.Detail,
            VerificationReasons.UnknownKey => $"The signing key is not one the issuer publishes. {result.Detail}",
            VerificationReasons.NoProof => "The credential carries no proof, so nothing shows who issued it.",
            _ => result.Detail ?? "The proof cannot be checked.",
        };
        yield return new(check, CheckOutcome.Fail, reason, detail);
        if (check == CheckId.IssuerKey)
        {
            yield return new(CheckId.Proof, CheckOutcome.Skipped, VerificationReasons.UnknownKey, "Without the issuer's key the signature cannot be checked.");
        }
    }

    // Neither the credential's issuer nor the signing key's controller is an issuer whose keys we hold. Without any
    // key of our own to tell "ours" from "theirs", nothing is classed as another issuer's.
    private bool IsAnotherIssuers(string? issuerId, string? keyId)
    {
        var controller = keyId?.Split('#')[0];
        return _ownIssuers.Count > 0 && issuerId is not null && !_ownIssuers.Contains(issuerId)
            && (controller is null || !_ownIssuers.Contains(controller));
    }

    private static VerificationCheck[] AnotherIssuersChecks(string? issuerId) =>
    [
        new(CheckId.IssuerKey, CheckOutcome.Fail, VerificationReasons.UnknownIssuer,
            $"The credential names another issuer ({issuerId}). This service holds only its own issuer's keys, so it cannot confirm "
            + "this credential or show it is forged: check it with that issuer."),
        new(CheckId.Proof, CheckOutcome.Skipped, VerificationReasons.UnknownIssuer, "Without the issuer's key the signature cannot be checked."),
    ];

    private IEnumerable<VerificationCheck> JwtChecks(JwtVerificationResult result, JsonObject? credential)
    {
        if (result.Failure is JwtVerificationFailure.UnknownKey && credential is not null && IsAnotherIssuers(IssuerId(credential), result.KeyId))
        {
            foreach (var check in AnotherIssuersChecks(IssuerId(credential)))
            {
                yield return check;
            }

            yield break;
        }

        if (result.IsValid || result.Failure is JwtVerificationFailure.Expired or JwtVerificationFailure.NotYetValid)
        {
            yield return new(CheckId.Proof, CheckOutcome.Pass, VerificationReasons.Ok, $"The VC-JWT {result.Algorithm} signature is valid: nothing was changed since signing.");
            yield return new(CheckId.IssuerKey, CheckOutcome.Pass, VerificationReasons.Ok, $"Signed with {result.KeyId}, a key the issuer publishes.");
            yield break;
        }

        yield return result.Failure switch
        {
            JwtVerificationFailure.UnknownKey => new(CheckId.IssuerKey, CheckOutcome.Fail, VerificationReasons.UnknownKey, "The signing key is not one the issuer publishes: " + result.Detail),
            JwtVerificationFailure.ClaimsMismatch => new(CheckId.Proof, CheckOutcome.Fail, VerificationReasons.ClaimsMismatch, "The JWT claims do not match the credential: " + result.Detail),
            JwtVerificationFailure.SignatureInvalid => new(CheckId.Proof, CheckOutcome.Fail, VerificationReasons.SignatureInvalid, "The signature does not match the content: " + result.Detail),
            _ => new(CheckId.Proof, CheckOutcome.Fail, VerificationReasons.ProofUnsupported, "The token is not acceptable: " + result.Detail),
        };
    }

    private VerificationCheck CheckValidityPeriod(JsonObject credential)
    {
        var now = _time.GetUtcNow();
        var skew = TimeSpan.FromMinutes(1);
        var from = ReadDate(credential["validFrom"]);
        var until = ReadDate(credential["validUntil"]);
        if (from is { } f && f > now + skew)
        {
            return new(CheckId.ValidityPeriod, CheckOutcome.Fail, VerificationReasons.NotYetValid, $"Valid only from {f:yyyy-MM-dd HH:mm} UTC.");
        }

        if (until is { } u && u < now - skew)
        {
            return new(CheckId.ValidityPeriod, CheckOutcome.Fail, VerificationReasons.Expired, $"Expired on {u:yyyy-MM-dd HH:mm} UTC.");
        }

        return new(CheckId.ValidityPeriod, CheckOutcome.Pass, VerificationReasons.Ok,
            until is null ? $"Valid since {from:yyyy-MM-dd}; it does not expire." : $"Valid from {from:yyyy-MM-dd} until {until:yyyy-MM-dd}.");
    }

    private static DateTimeOffset? ReadDate(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s)
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var d) ? d : null;

    private static string? IssuerId(JsonObject credential) => credential["issuer"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when o["id"] is JsonValue id && id.TryGetValue<string>(out var s) => s,
        _ => null,
    };

    private static JsonObject? PeekPayload(string jwt)
    {
        try
        {
            var parts = jwt.Split('.');
            var b64 = parts[1].Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(b64))) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
