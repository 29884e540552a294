using System.Text.Json.Nodes;
using MicroCredentials.Model;
using MicroCredentials.Status;

namespace MicroCredentials.Verification;

public sealed partial class CredentialVerifier
{
    private async Task<VerificationCheck> CheckStatusAsync(JsonObject credential, Func<string, string, Bitstring?>? localList,
        CancellationToken cancellationToken)
    {
        var results = await _status.CheckAsync(credential, localList, cancellationToken);
        var suspension = IssuerSuspension(credential, results, localList);
        if (suspension is not null)
        {
            results = [.. results, suspension];
        }

        if (results.Count == 0)
        {
            return new(CheckId.Status, CheckOutcome.Skipped, VerificationReasons.NoStatus, "The credential has no status list entry.");
        }

        if (results.FirstOrDefault(r => r.Outcome == StatusCheckOutcome.Revoked) is { } revoked)
        {
            return new(CheckId.Status, CheckOutcome.Fail, VerificationReasons.Revoked, "The issuer has revoked this credential. " + revoked.Detail);
        }

        if (results.FirstOrDefault(r => r.Outcome == StatusCheckOutcome.Suspended) is { } suspended)
        {
            return new(CheckId.Status, CheckOutcome.Fail, VerificationReasons.Suspended, "The issuer has suspended this credential. " + suspended.Detail);
        }

        if (results.FirstOrDefault(r => r.Outcome is StatusCheckOutcome.Invalid or StatusCheckOutcome.ProofInvalid) is { } invalid)
        {
            return new(CheckId.Status, CheckOutcome.Warning, VerificationReasons.StatusInvalid, "The status list could not be used: " + invalid.Detail);
        }

        if (results.FirstOrDefault(r => r.Outcome == StatusCheckOutcome.Unknown) is { } unknown)
        {
            // The checker's detail already says "status could not be checked (last known: …, at …)".
            return new(CheckId.Status, CheckOutcome.Warning, VerificationReasons.StatusUnreachable, unknown.Detail);
        }

        return new(CheckId.Status, CheckOutcome.Pass, VerificationReasons.Ok,
            results.Any(r => r.StatusPurpose == StatusPurpose.Suspension) ? "Not revoked and not suspended." : "Not revoked.");
    }

    /// <summary>
    /// The issuer's own suspension state of a credential of our own issuer that names no suspension entry (the
    /// default, OB-schema-valid profile carries one revocation entry only). The caller's <c>localList</c> is asked for
    /// (revocation list URL, <see cref="StatusPurpose.Suspension"/>): the issuer's unpublished suspension record paired
    /// with that revocation list, index for index. Null when there is nothing to ask or nobody to answer (a verifier
    /// without our database, another issuer's credential, a credential already revoked or with its own suspension entry).
    /// </summary>
    private StatusCheckResult? IssuerSuspension(JsonObject credential, IReadOnlyList<StatusCheckResult> results,
        Func<string, string, Bitstring?>? localList)
    {
        if (localList is null || IssuerId(credential) is not { } issuer || !_ownIssuers.Contains(issuer)
            || results.Any(r => r.StatusPurpose == StatusPurpose.Suspension)
            || results.FirstOrDefault(r => r.StatusPurpose == StatusPurpose.Revocation && r.Outcome == StatusCheckOutcome.Valid)
                is not { StatusListCredential: { } url, StatusListIndex: { } index })
        {
            return null;
        }

        if (localList(url, StatusPurpose.Suspension) is not { } record)
        {
            return null;
        }

        var paired = new BitstringStatusListEntry
        {
            Id = $"{url}#{index}",
            StatusPurpose = StatusPurpose.Suspension,
            StatusListIndex = index,
            StatusListCredential = url,
        };
        var result = StatusChecker.Check(paired, record);
        return result with
        {
            Detail = result.Outcome == StatusCheckOutcome.Suspended
                ? "suspended by the issuer (the issuer's own record; verifiers without it see the credential as not revoked)"
                : result.Detail + " (the issuer's own record)",
        };
    }

    private static Verdict Decide(IReadOnlyList<VerificationCheck> checks)
    {
        bool Failed(CheckId id) => checks.Any(c => c.Id == id && c.Outcome == CheckOutcome.Fail);
        string? Reason(CheckId id) => checks.FirstOrDefault(c => c.Id == id)?.Reason;

        if (Failed(CheckId.Format))
        {
            return Verdict.Unreadable;
        }

        if (checks.Any(c => c.Reason == VerificationReasons.UnknownIssuer))
        {
            return Verdict.UnknownIssuer;
        }

        if (Failed(CheckId.Proof) || Failed(CheckId.IssuerKey) || !checks.Any(c => c.Id == CheckId.Proof && c.Outcome == CheckOutcome.Pass))
        {
            return Verdict.NotGenuine;
        }

        if (Failed(CheckId.Schema))
        {
            return Verdict.Unreadable;
        }

        switch (Reason(CheckId.Status))
        {
            case VerificationReasons.Revoked:
                return Verdict.Revoked;
            case VerificationReasons.Suspended:
                return Verdict.Suspended;
        }

        switch (Reason(CheckId.ValidityPeriod))
        {
            case VerificationReasons.Expired:
                return Verdict.Expired;
            case VerificationReasons.NotYetValid:
                return Verdict.NotYetValid;
        }

        return checks.Any(c => c.Id == CheckId.Status && c.Outcome == CheckOutcome.Warning) ? Verdict.ValidStatusUnknown : Verdict.Valid;
    }
}
