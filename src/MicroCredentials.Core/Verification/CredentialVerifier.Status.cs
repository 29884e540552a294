using System.Text.Json.Nodes;
using MicroCredentials.Status;

namespace MicroCredentials.Verification;

public sealed partial class CredentialVerifier
{
    private async Task<VerificationCheck> CheckStatusAsync(JsonObject credential, Func<string, string, Bitstring?>? localList,
        CancellationToken cancellationToken)
    {
        var results = await _status.CheckAsync(credential, localList, cancellationToken);
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

        return new(CheckId.Status, CheckOutcome.Pass, VerificationReasons.Ok, "Not revoked and not suspended.");
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
