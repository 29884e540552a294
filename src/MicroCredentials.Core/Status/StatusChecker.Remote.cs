namespace MicroCredentials.Status;

public sealed partial class StatusChecker
{
    private async Task<StatusCheckResult> CheckRemoteAsync(StatusEntryReference entry, string? issuer, CancellationToken cancellationToken)
    {
        var fetch = await client.GetAsync(entry.ListUrl, cancellationToken);
        if (!fetch.Succeeded)
        {
            return fetch.Failure switch
            {
                StatusListFetchFailure.InvalidUrl => Describe(entry, StatusCheckOutcome.Invalid, StatusCheckReason.EntryMalformed, fetch.Detail),
                StatusListFetchFailure.Malformed => Describe(entry, StatusCheckOutcome.Invalid,
                    fetch.ReadFailure == StatusListReadFailure.ListTooShort ? StatusCheckReason.ListTooShort : StatusCheckReason.ListMalformed,
                    fetch.Detail),
                _ => await UnknownAsync(entry, fetch.Failure switch
                {
                    StatusListFetchFailure.Timeout => StatusCheckReason.ListTimeout,
                    StatusListFetchFailure.ResponseTooLarge => StatusCheckReason.ListResponseTooLarge,
                    _ => StatusCheckReason.ListUnreachable,
                }, fetch.Detail, fetch.LastKnown, issuer, cancellationToken),
            };
        }

        var list = fetch.List;
        if (!await ProofVerifiesAsync(list.Credential, cancellationToken))
        {
            return Describe(entry, StatusCheckOutcome.ProofInvalid, StatusCheckReason.ProofInvalid,
                "the status list's proof does not verify");
        }

        if (Mismatch(entry, list.Credential, issuer) is { } mismatch)
        {
            return mismatch;
        }

        var now = time.GetUtcNow();
        if (now < list.Credential.ValidFrom || now > list.Credential.ValidUntil)
        {
            return await UnknownAsync(entry, StatusCheckReason.ListNotCurrent,
                "the status list is outside its validity period", list, issuer, cancellationToken);
        }

        return Evaluate(entry, list.Credential.List, list.FetchedAt);
    }

    /// <summary>Purpose and issuer checks of §3.2; null when both match.</summary>
    private static StatusCheckResult? Mismatch(StatusEntryReference entry, StatusListCredential list, string? issuer)
    {
        if (!list.StatusPurposes.Contains(entry.Purpose))
        {
            return Describe(entry, StatusCheckOutcome.Invalid, StatusCheckReason.PurposeMismatch,
                $"the status list is for '{string.Join(", ", list.StatusPurposes)}', the entry for '{entry.Purpose}'");
        }

        if (issuer is not null && list.Issuer != issuer)
        {
            return Describe(entry, StatusCheckOutcome.Invalid, StatusCheckReason.IssuerMismatch,
                $"the status list was issued by '{list.Issuer}', the credential by '{issuer}'");
        }

        return null;
    }

    private async Task<bool> ProofVerifiesAsync(StatusListCredential list, CancellationToken cancellationToken)
    {
        if (verified.TryGetValue(list, out _))
        {
            return true;
        }

        if (!await verifyProof(list.Document.DeepClone().AsObject(), cancellationToken))
        {
            return false;
        }

        verified.AddOrUpdate(list, list);
        return true;
    }

    /// <summary>
    /// An Unknown verdict; the last known status comes from <paramref name="lastKnown"/> only when that copy's proof,
    /// issuer and purpose check out.
    /// </summary>
    private async Task<StatusCheckResult> UnknownAsync(StatusEntryReference entry, StatusCheckReason reason, string detail,
        FetchedStatusList? lastKnown, string? issuer, CancellationToken cancellationToken)
    {
        StatusCheckResult? earlier = null;
        if (lastKnown is not null
            && Mismatch(entry, lastKnown.Credential, issuer) is null
            && await ProofVerifiesAsync(lastKnown.Credential, cancellationToken))
        {
            earlier = Evaluate(entry, lastKnown.Credential.List, lastKnown.FetchedAt);
        }

        var confirmed = earlier?.Outcome is StatusCheckOutcome.Valid or StatusCheckOutcome.Revoked or StatusCheckOutcome.Suspended;
        var known = confirmed
            ? $"last known: {Word(earlier!.Outcome)}, at {Model.DateTimeZConverter.Print(lastKnown!.FetchedAt)}"
            : "no earlier copy of the list";
        return Describe(entry, StatusCheckOutcome.Unknown, reason, $"status could not be checked ({known}): {detail}") with
        {
            LastKnownOutcome = confirmed ? earlier!.Outcome : null,
            LastKnownAt = confirmed ? lastKnown!.FetchedAt : null,
        };
    }
}
