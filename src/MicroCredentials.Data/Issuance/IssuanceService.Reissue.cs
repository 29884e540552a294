using System.Globalization;
using MicroCredentials.Catalog;
using MicroCredentials.Issuance;

namespace MicroCredentials.Data.Issuance;

public sealed partial class IssuanceService
{
    /// <summary>
    /// Re-issues a credential with corrected data (name or grade): a new credential is issued for the same award,
    /// the old one is revoked and linked to it (its verification page then says "superseded").
    /// </summary>
    /// <remarks>
    /// The award keeps its identity: the micro-credential and award date must stay the same, and so must the learner —
    /// a different e-mail address is refused unless <paramref name="emailCorrection"/> states that it corrects the
    /// learner's address (audit-logged with the old and new peppered hashes). The superseded credential then keeps the
    /// old address's idempotency key, so rerunning the original CSV row reports the award as already issued (the live
    /// correction) instead of issuing a second credential.
    /// </remarks>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="credentialId">The credential to correct.</param>
    /// <param name="corrected">The corrected learner row: same code and award date.</param>
    /// <param name="actor">Who corrects.</param>
    /// <param name="emailCorrection">The administrator's statement when the e-mail address changes; otherwise null.</param>
    /// <param name="cancellationToken">Cancels the storage work.</param>
    /// <exception cref="ArgumentException">The correction statement has no reason.</exception>
    public Task<IssueResult> ReissueAsync(MicroCredentialCatalog catalog, string credentialId, LearnerRow corrected, string actor,
        EmailCorrection? emailCorrection, CancellationToken cancellationToken) =>
        ReissueAsync(catalog, credentialId, corrected, actor, emailCorrection, reason: null, cancellationToken);

    /// <summary>
    /// Re-issues a credential with corrected data, as <see cref="ReissueAsync(MicroCredentialCatalog, string, LearnerRow, string, EmailCorrection?, CancellationToken)"/>,
    /// and keeps the administrator's <paramref name="reason"/> in the audit details of both credentials (the staff app asks for one).
    /// </summary>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="credentialId">The credential to correct.</param>
    /// <param name="corrected">The corrected learner row: same code and award date.</param>
    /// <param name="actor">Who corrects.</param>
    /// <param name="emailCorrection">The administrator's statement when the e-mail address changes; otherwise null.</param>
    /// <param name="reason">Why the credential is corrected, or null.</param>
    /// <param name="cancellationToken">Cancels the storage work.</param>
    /// <exception cref="ArgumentException">The correction statement has no reason.</exception>
    public async Task<IssueResult> ReissueAsync(MicroCredentialCatalog catalog, string credentialId, LearnerRow corrected, string actor,
        EmailCorrection? emailCorrection, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        ArgumentException.ThrowIfNullOrWhiteSpace(emailCorrection?.Reason ?? "-", nameof(emailCorrection));
        var old = await _store.FindByIdAsync(credentialId, cancellationToken);
        if (old is null)
        {
            return Rejected(corrected, $"credential {credentialId} does not exist.");
        }

        if (old.SupersededBy is not null)
        {
            return Rejected(corrected, $"credential {credentialId} was already replaced by {old.SupersededBy}.");
        }

        if (AwardChange(old, corrected) is { } change)
        {
            return Rejected(corrected, change);
        }

        var oldHash = old.LearnerId is { } learnerId ? (await _store.GetLearnerAsync(learnerId, cancellationToken))?.EmailHash : null;
        var newHash = LearnerEmailHash.Compute(LearnerPepper(), corrected.NormalizedEmail);
        var sameLearner = oldHash is not null ? oldHash == newHash : old.IdempotencyKey == IdempotencyKey.For(corrected);
        string? audit = null;
        if (!sameLearner)
        {
            if (emailCorrection is null)
            {
                return Rejected(corrected, "email: the e-mail address differs from the one this credential was issued to. A re-issue keeps the learner; "
                    + "if the address itself was wrong, an administrator must state it is a correction of the learner's address, with a reason.");
            }

            audit = $"e-mail corrected: old {oldHash ?? "unknown"} new {newHash} (HMAC-SHA-256 with the learner pepper); reason: {emailCorrection.Reason.Trim()}";
        }

        var result = await IssueCoreAsync(catalog, corrected, actor, old, audit, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), cancellationToken);
        return result.Outcome == IssueOutcome.AlreadyIssued
            ? Rejected(corrected, $"email: credential {result.Credential!.Id} already holds this award for that address; correct that one instead.")
            : result;
    }

    /// <summary>Why the corrected row is another award than the stored credential (code or award date), or null.</summary>
    private static string? AwardChange(StoredCredential old, LearnerRow corrected)
    {
        var json = ParseCredential(old);
        var code = (string?)json["credentialSubject"]?["achievement"]?["humanCode"];
        if (code is not null && !string.Equals(code, corrected.Code, StringComparison.OrdinalIgnoreCase))
        {
            return $"code: a correction keeps the micro-credential ({code}); issue {corrected.Code} as a new award.";
        }

        var awarded = (string?)json["awardedDate"];
        if (awarded is not null
            && DateOnly.FromDateTime(DateTimeOffset.Parse(awarded, CultureInfo.InvariantCulture).UtcDateTime) is var date && date != corrected.Awarded)
        {
            return $"awarded: a correction keeps the award date ({date:yyyy-MM-dd}); issue another date as a new award.";
        }

        return null;
    }
}
