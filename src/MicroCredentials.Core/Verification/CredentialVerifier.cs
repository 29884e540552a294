using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.Status;

namespace MicroCredentials.Verification;

/// <summary>
/// Verifies an OB 3.0 credential — a JSON document with a Data Integrity proof or a VC-JWT — with nothing but the
/// issuer's published keys, the embedded contexts and the status lists (OB 3.0 verification §6.1): format, schema,
/// proof, issuer key, status, validity period. Never throws for bad input; every outcome is a
/// <see cref="VerificationReport"/> with a verdict and each check.
/// </summary>
public sealed partial class CredentialVerifier
{
    // A compact JWS has no whitespace inside; anything with it is not mistaken for one.
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\f\v\u00a0\u2028\u2029\ufeff");

    private readonly Func<string, byte[]?> _dataIntegrityKeys;
    private readonly JwtKeyResolver _jwtKeys;
    private readonly StatusChecker _status;
    private readonly TimeProvider _time;
    private readonly HashSet<string> _ownIssuers;

    /// <summary>Creates a verifier.</summary>
    /// <param name="dataIntegrityKeys">Verification method → Ed25519 public key of the trusted issuer(s), or null.</param>
    /// <param name="jwtKeys">The trusted JWT keys (JWKS). Their controllers are the issuers this verifier vouches for: a
    /// credential naming another issuer and signed with an unknown key is <see cref="Verdict.UnknownIssuer"/>.</param>
    /// <param name="status">The status checker (foreign lists are fetched, ours looked up locally).</param>
    /// <param name="time">The clock for validity periods.</param>
    public CredentialVerifier(Func<string, byte[]?> dataIntegrityKeys, JwtKeyResolver jwtKeys, StatusChecker status, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataIntegrityKeys);
        ArgumentNullException.ThrowIfNull(jwtKeys);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(time);
        _dataIntegrityKeys = dataIntegrityKeys;
        _jwtKeys = jwtKeys;
        _status = status;
        _time = time;
        _ownIssuers = [.. jwtKeys.Keys.Select(k => k.Controller)];
    }

    /// <summary>
    /// Verifies text that is either a credential as JSON or a compact VC-JWT (detected from its first character).
    /// </summary>
    /// <param name="text">The credential JSON or JWT.</param>
    /// <param name="localList">Our own status lists by (list URL, purpose), looked up without fetching.</param>
    /// <param name="cancellationToken">Cancels status list fetching.</param>
    public Task<VerificationReport> VerifyTextAsync(string? text, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.StartsWith('{'))
        {
            JsonObject? json;
            try
            {
                json = JsonNode.Parse(trimmed, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
            }
            catch (JsonException e)
            {
                return Task.FromResult(Unreadable($"The text is not valid JSON: {e.Message}"));
            }

            return json is null
                ? Task.FromResult(Unreadable("The JSON is not an object."))
                : VerifyJsonAsync(json, localList, cancellationToken);
        }

        if (trimmed.Length < 1_000_000 && trimmed.AsSpan().Count('.') == 2 && !trimmed.AsSpan().ContainsAny(Whitespace))
        {
            return VerifyJwtAsync(trimmed, localList, cancellationToken);
        }

        return Task.FromResult(Unreadable("This is neither a credential (JSON) nor a VC-JWT."));
    }

    /// <summary>Verifies a credential with an embedded Data Integrity proof.</summary>
    public async Task<VerificationReport> VerifyJsonAsync(JsonObject credential, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var checks = new List<VerificationCheck>();
        if (!LooksLikeCredential(credential, out var why))
        {
            return Unreadable(why, credential);
        }

        checks.Add(new(CheckId.Format, CheckOutcome.Pass, VerificationReasons.Ok, "An Open Badges 3.0 credential (JSON with an embedded proof)."));
        checks.Add(CheckSchema(credential));
        // Read before the proof check, which works on the document without its proof.
        var proofNode = credential["proof"] is JsonArray proofs ? proofs.FirstOrDefault() : credential["proof"];
        var method = proofNode is JsonObject proof && proof["verificationMethod"] is JsonValue vm && vm.TryGetValue<string>(out var m) ? m : null;
        checks.AddRange(CheckDataIntegrity(credential));
        return await FinishAsync(credential, checks, localList, method, cancellationToken);
    }

    /// <summary>Verifies a compact VC-JWT (OB 3.0 JWT proof format).</summary>
    public async Task<VerificationReport> VerifyJwtAsync(string jwt, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        // The JWT verifier checks the signature before the times: an expired but genuine token says "expired", not "forged".
        var result = VcJwtVerifier.Verify(jwt, _jwtKeys, _time);
        if (result.Credential is null && result.Failure is JwtVerificationFailure.Malformed or JwtVerificationFailure.NotACredential)
        {
            return Unreadable(result.Detail);
        }

        var checks = new List<VerificationCheck>
        {
            new(CheckId.Format, CheckOutcome.Pass, VerificationReasons.Ok, "An Open Badges 3.0 credential as a VC-JWT."),
        };
        var credential = result.Credential ?? PeekPayload(jwt);
        if (credential is not null)
        {
            checks.Add(CheckSchema(credential, JwtClaimNames));
        }

        checks.AddRange(JwtChecks(result, credential));
        return credential is null
            ? new VerificationReport { Verdict = Verdict.NotGenuine, Checks = checks }
            : await FinishAsync(credential, checks, localList, result.KeyId, cancellationToken);
    }

    private async Task<VerificationReport> FinishAsync(JsonObject credential, List<VerificationCheck> checks,
        Func<string, string, Bitstring?>? localList, string? signingKey, CancellationToken cancellationToken)
    {
        // A credential we could not confirm does not make us fetch the URLs it names.
        var confirmed = !checks.Any(c => c.Id is CheckId.Proof or CheckId.IssuerKey && c.Outcome == CheckOutcome.Fail);
        var demo = confirmed && checks.Any(c => c.Id == CheckId.Proof && c.Outcome == CheckOutcome.Pass) && IsDemoKey(signingKey);

        checks.Add(confirmed
            ? await CheckStatusAsync(credential, localList, cancellationToken)
            : new(CheckId.Status, CheckOutcome.Skipped, VerificationReasons.NotChecked,
                "Not checked: the credential could not be confirmed, so the status list it names was not consulted."));
        checks.Add(CheckValidityPeriod(credential));
        return new VerificationReport { Verdict = Decide(checks), Checks = checks, Credential = credential, SignedWithDemoKey = demo };
    }

    private static bool IsDemoKey(string? keyReference) => Keys.DemoKeys.IsDemoKeyReference(keyReference);

    private static VerificationReport Unreadable(string detail, JsonObject? credential = null) => new()
    {
        Verdict = Verdict.Unreadable,
        Checks = [new VerificationCheck(CheckId.Format, CheckOutcome.Fail, VerificationReasons.Malformed, detail)],
        Credential = credential,
    };
}
