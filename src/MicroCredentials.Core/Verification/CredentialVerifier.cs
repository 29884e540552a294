using System.Buffers;
using System.Text.Json.Nodes;
using MicroCredentials.Jwt;
using MicroCredentials.Model;
using MicroCredentials.Status;

namespace MicroCredentials.Verification;

/// <summary>
/// Verifies an OB 3.0 credential — a JSON document with a Data Integrity proof or a VC-JWT — with nothing but the
/// issuer's published keys, the embedded contexts and the status lists (OB 3.0 verification §6.1): format, schema,
/// proof, issuer key, status, validity period. Never throws for bad input; every outcome is a
/// <see cref="VerificationReport"/> with a verdict and each check. Each verification has a time budget
/// (<see cref="CredentialVerifierOptions.Budget"/>).
/// </summary>
public sealed partial class CredentialVerifier
{
    // A compact JWS has no whitespace inside; anything with it is not mistaken for one.
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\f\v\u00a0\u2028\u2029\ufeff");

    private readonly Func<string, byte[]?> _dataIntegrityKeys;
    private readonly JwtKeyResolver _jwtKeys;
    private readonly StatusChecker _status;
    private readonly TimeProvider _time;
    private readonly CredentialVerifierOptions _options;
    private readonly HashSet<string> _ownIssuers;

    /// <summary>Creates a verifier.</summary>
    /// <param name="dataIntegrityKeys">Verification method → Ed25519 public key of the trusted issuer(s), or null.</param>
    /// <param name="jwtKeys">The trusted JWT keys (JWKS). Their controllers are the issuers this verifier vouches for: a
    /// credential naming another issuer and signed with an unknown key is <see cref="Verdict.UnknownIssuer"/>.</param>
    /// <param name="status">The status checker (foreign lists are fetched, ours looked up locally).</param>
    /// <param name="time">The clock for validity periods and the time budget.</param>
    /// <param name="options">Tunables; <see cref="CredentialVerifierOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The budget is not positive.</exception>
    public CredentialVerifier(Func<string, byte[]?> dataIntegrityKeys, JwtKeyResolver jwtKeys, StatusChecker status, TimeProvider time,
        CredentialVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataIntegrityKeys);
        ArgumentNullException.ThrowIfNull(jwtKeys);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(time);
        _options = options ?? CredentialVerifierOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Budget, TimeSpan.Zero, nameof(options));
        _dataIntegrityKeys = dataIntegrityKeys;
        _jwtKeys = jwtKeys;
        _status = status;
        _time = time;
        _ownIssuers = [.. jwtKeys.Keys.Select(k => k.Controller)];
    }

    /// <summary>
    /// Verifies text that is either a credential as JSON or a compact VC-JWT (detected from its first character). JSON
    /// is read with <see cref="CredentialJson.TryParse(string)"/>: repeated members, lone surrogates and over-deep
    /// nesting are <see cref="Verdict.Unreadable"/> with the reason, as is text over <see cref="CoreLimits.MaxCredentialJsonBytes"/> characters.
    /// </summary>
    /// <param name="text">The credential JSON or JWT.</param>
    /// <param name="localList">Our own status lists by (list URL, purpose), looked up without fetching; for (revocation
    /// list URL, <c>suspension</c>) the issuer's unpublished suspension record paired with that list, or null.</param>
    /// <param name="cancellationToken">The caller's token (a disconnected client): checked between steps and passed to
    /// status list fetching.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<VerificationReport> VerifyTextAsync(string? text, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length > CoreLimits.MaxCredentialJsonBytes)
        {
            // JSON or JWT alike: nothing longer is parsed, copied to UTF-8 or echoed.
            return Task.FromResult(Unreadable(
                $"The text is longer than {CoreLimits.MaxCredentialJsonBytes / 1024} Ki characters; a credential is about 10 KB."));
        }

        if (trimmed.StartsWith('{'))
        {
            var parsed = CredentialJson.TryParse(trimmed);
            return parsed.Succeeded
                ? VerifyJsonAsync(parsed.Document, localList, cancellationToken)
                : Task.FromResult(Unreadable(parsed.Problem));
        }

        if (trimmed.AsSpan().Count('.') == 2 && !trimmed.AsSpan().ContainsAny(Whitespace))
        {
            return VerifyJwtAsync(trimmed, localList, cancellationToken);
        }

        return Task.FromResult(Unreadable("This is neither a credential (JSON) nor a VC-JWT."));
    }

    /// <summary>
    /// Verifies a credential with an embedded Data Integrity proof (every proof of its proof set is checked and listed
    /// in <see cref="VerificationReport.Proofs"/>), or — recognised by its type — a <c>BitstringStatusListCredential</c>
    /// (<see cref="Verdict.StatusListCredential"/> when it is ours and genuine). Read <paramref name="credential"/> with
    /// <see cref="CredentialJson.TryParse(string)"/>: a tree with repeated members cannot be checked.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<VerificationReport> VerifyJsonAsync(JsonObject credential, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return WithinBudgetAsync(token => VerifyJsonCoreAsync(credential, localList, token, cancellationToken), cancellationToken);
    }

    /// <summary>Verifies a compact VC-JWT (OB 3.0 JWT proof format).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<VerificationReport> VerifyJwtAsync(string jwt, Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken) =>
        WithinBudgetAsync(token => VerifyJwtCoreAsync(jwt, localList, token, cancellationToken), cancellationToken);

    private async Task<VerificationReport> VerifyJsonCoreAsync(JsonObject credential, Func<string, string, Bitstring?>? localList,
        CancellationToken budget, CancellationToken cancellationToken)
    {
        if (IsStatusListCredential(credential))
        {
            return VerifyStatusListCredential(credential, budget);
        }

        if (!LooksLikeCredential(credential, out var why))
        {
            return Unreadable(why, credential);
        }

        if (DataIntegrity.DataIntegrityVerifier.ProofNodes(credential).Count > CoreLimits.MaxProofsPerCredential)
        {
            return Unreadable($"The credential carries more than {CoreLimits.MaxProofsPerCredential} proofs; a credential carries one.", credential);
        }

        var checks = new List<VerificationCheck>
        {
            new(CheckId.Format, CheckOutcome.Pass, VerificationReasons.Ok, "An Open Badges 3.0 credential (JSON with an embedded proof)."),
        };
        budget.ThrowIfCancellationRequested();
        checks.Add(CheckSchema(credential));
        budget.ThrowIfCancellationRequested();
        var proofs = CheckProofSet(credential, checks, budget);
        budget.ThrowIfCancellationRequested();
        return await FinishAsync(credential, checks, proofs, localList, cancellationToken);
    }

    private async Task<VerificationReport> VerifyJwtCoreAsync(string jwt, Func<string, string, Bitstring?>? localList,
        CancellationToken budget, CancellationToken cancellationToken)
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
            budget.ThrowIfCancellationRequested();
            checks.Add(CheckSchema(credential, JwtClaimNames));
        }

        checks.AddRange(JwtChecks(result, credential));
        var proofs = new[] { JwtProof(result, checks) };
        budget.ThrowIfCancellationRequested();
        return credential is null
            ? new VerificationReport { Verdict = Verdict.NotGenuine, Checks = checks, Proofs = proofs }
            : await FinishAsync(credential, checks, proofs, localList, cancellationToken);
    }

    private async Task<VerificationReport> FinishAsync(JsonObject credential, List<VerificationCheck> checks, IReadOnlyList<ProofResult> proofs,
        Func<string, string, Bitstring?>? localList, CancellationToken cancellationToken)
    {
        proofs = CheckKeyValidity(credential, checks, proofs);

        // A credential we could not confirm does not make us fetch the URLs it names.
        var confirmed = !checks.Any(c => c.Id is CheckId.Proof or CheckId.IssuerKey && c.Outcome == CheckOutcome.Fail);
        // The key the verdict rests on (the accepted proof's) decides whether this proves anything at all.
        var demo = confirmed && IsDemoKey(proofs.FirstOrDefault(p => p.Accepted)?.VerificationMethod);

        checks.Add(confirmed
            ? await CheckStatusAsync(credential, localList, cancellationToken)
            : new(CheckId.Status, CheckOutcome.Skipped, VerificationReasons.NotChecked,
                "Not checked: the credential could not be confirmed, so the status list it names was not consulted."));
        checks.Add(CheckValidityPeriod(credential));
        return new VerificationReport { Verdict = Decide(checks), Checks = checks, Credential = credential, Proofs = proofs, SignedWithDemoKey = demo };
    }

    private static bool IsDemoKey(string? keyReference) => Keys.DemoKeys.IsDemoKeyReference(keyReference);

    private static VerificationReport Unreadable(string detail, JsonObject? credential = null) => new()
    {
        Verdict = Verdict.Unreadable,
        Checks = [new VerificationCheck(CheckId.Format, CheckOutcome.Fail, VerificationReasons.Malformed, detail)],
        Credential = credential,
    };
}
