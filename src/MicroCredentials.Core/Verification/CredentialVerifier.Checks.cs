using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.Model;

namespace MicroCredentials.Verification;

public sealed partial class CredentialVerifier
{
    // The registered JWT claims a VC-JWT payload carries next to the credential: not part of the credential's schema.
    private static readonly FrozenSet<string> JwtClaimNames = FrozenSet.Create(StringComparer.Ordinal, "iss", "jti", "nbf", "sub", "exp", "iat", "aud");
    // The proof set is judged proof by proof in the proof step (each listed with its own outcome), not by the schema:
    // a broken extra proof must not turn a genuine credential into "unreadable".
    private static readonly FrozenSet<string> ProofOnly = FrozenSet.Create(StringComparer.Ordinal, "proof");
    private static readonly FrozenSet<string> ProofAndStatus = FrozenSet.Create(StringComparer.Ordinal, "proof", "credentialStatus");
    private static readonly FrozenSet<string> JwtClaimsAndProof = FrozenSet.Create(StringComparer.Ordinal, [.. JwtClaimNames, "proof"]);
    private static readonly FrozenSet<string> JwtClaimsProofAndStatus = FrozenSet.Create(StringComparer.Ordinal, [.. JwtClaimNames, "proof", "credentialStatus"]);

    private static bool LooksLikeCredential(JsonObject credential, out string why)
    {
        var types = JsonRead.Strings(credential["type"]);
        why = JsonRead.String(JsonRead.First(credential["@context"])) != Ob3Terms.VcV2Context
            ? "The document is not a W3C Verifiable Credential 2.0 (its first @context must be https://www.w3.org/ns/credentials/v2)."
            : !types.Contains("VerifiableCredential")
                ? "The document's type does not include VerifiableCredential."
                : !types.Contains("OpenBadgeCredential") && !types.Contains("AchievementCredential")
                    ? "The credential is not an Open Badges 3.0 OpenBadgeCredential."
                    : string.Empty;
        return why.Length == 0;
    }

    /// <summary>
    /// The schema step. VC 2.0 allows several status entries where the OB 3.0.3 schema allows one object: each entry
    /// is checked against the schema's <c>credentialStatus</c> subschema on its own, and an array otherwise valid is a
    /// <see cref="CheckOutcome.Warning"/> that says it fails the OB 3.0 schema. A valid credential is answered in one
    /// pass; only an invalid one is evaluated again for its messages.
    /// </summary>
    /// <param name="credential">The credential (for a VC-JWT, its payload).</param>
    /// <param name="ignored">Top-level members the schema must not see: null, or <see cref="JwtClaimNames"/> for a VC-JWT
    /// payload. <c>proof</c> is never given to the schema: the proof step reads each proof.</param>
    internal static VerificationCheck CheckSchema(JsonObject credential, IReadOnlySet<string>? ignored = null)
    {
        var ob3 = SchemaValidator.Ob3Schema;
        var statuses = credential["credentialStatus"] as JsonArray;
        var statusSchema = statuses is null ? null : ob3.Property("credentialStatus");
        var rootIgnored = (statuses is null, ignored is null) switch
        {
            (true, true) => ProofOnly,
            (true, false) => JwtClaimsAndProof,
            (false, true) => ProofAndStatus,
            _ => JwtClaimsProofAndStatus,
        };
        var achievement = JsonRead.Member(credential["credentialSubject"], "achievement");
        var ours = JsonRead.Strings(credential["@context"]).Any(JsonLd.ContextUrls.IsMicroCredentialV1);
        var subject = credential["credentialSubject"] as JsonObject;
        var anonymous = subject is not null && subject["id"] is null && subject["identifier"] is null;

        var valid = ob3.IsValid(credential, rootIgnored)
            && (statusSchema is null || statuses!.All(s => statusSchema.IsValid(s)))
            && (!ours || (achievement is not null && SchemaValidator.ExtensionSchema.IsValid(achievement)))
            && !anonymous;
        if (valid && statuses is not null)
        {
            // Honest about the array: VC 2.0 allows it, the OB 3.0 schema does not (STANDARDS §4.3).
            return new(CheckId.Schema, CheckOutcome.Warning, VerificationReasons.SchemaStatusArray, SchemaValidator.StatusArrayWarning(statuses.Count));
        }

        if (valid)
        {
            return new(CheckId.Schema, CheckOutcome.Pass, VerificationReasons.Ok,
                ours ? "Valid against the Open Badges 3.0 schema and the EU micro-credential extension." : "Valid against the Open Badges 3.0 schema.");
        }

        var errors = new List<string>();
        if (statuses is not null)
        {
            errors.Add($"/credentialStatus: is an array of {statuses.Count} entries; the OB 3.0 schema allows one object.");
        }

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
        JsonRead.String(node) is { } s
        && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var d) ? d : null;

    private static string? IssuerId(JsonObject credential) => JsonRead.Id(credential["issuer"]);

    // The payload of a JWT whose signature did not verify, to say what it claims (never shown as a fact).
    private static JsonObject? PeekPayload(string jwt)
    {
        var parts = jwt.Split('.');
        return parts.Length == 3 && StrictBase64Url.TryDecode(parts[1], out var payload) && CredentialJson.TryParse(payload) is { Succeeded: true } parsed
            ? parsed.Document
            : null;
    }
}
