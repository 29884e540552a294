using MicroCredentials.Catalog;

namespace MicroCredentials.Data.Issuance;

public sealed partial class IssuanceService
{
    /// <summary>
    /// Re-issues a credential with corrected data (name or grade): a new credential is issued for the same award,
    /// the old one is revoked and linked to it (its verification page then says "superseded").
    /// </summary>
    /// <param name="catalog">The catalogue.</param>
    /// <param name="credentialId">The credential to correct.</param>
    /// <param name="corrected">The corrected learner row (same e-mail, code and award date as before, or not).</param>
    /// <param name="actor">Who corrects.</param>
    /// <param name="cancellationToken">Cancels the storage work.</param>
    public async Task<IssueResult> ReissueAsync(MicroCredentialCatalog catalog, string credentialId, LearnerRow corrected, string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        var old = await _store.FindByIdAsync(credentialId, cancellationToken);
        if (old is null)
        {
            return new IssueResult { Outcome = IssueOutcome.Rejected, Reason = $"credential {credentialId} does not exist." };
        }

        if (old.SupersededBy is not null)
        {
            return new IssueResult { Outcome = IssueOutcome.Rejected, Reason = $"credential {credentialId} was already replaced by {old.SupersededBy}." };
        }

        return await IssueCoreAsync(catalog, corrected, actor, old, cancellationToken);
    }

    /// <summary>
    /// Finds a stored credential by what staff have at hand: its id (also the bare UUID the CLI's file names use), its
    /// handle or its short code.
    /// </summary>
    public async Task<StoredCredential?> FindAsync(string idHandleOrCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idHandleOrCode);
        var given = idHandleOrCode.Trim();
        return await _store.FindByIdAsync(given, cancellationToken)
            ?? (Guid.TryParse(given, out _) ? await _store.FindByIdAsync("urn:uuid:" + given.ToLowerInvariant(), cancellationToken) : null)
            ?? await _store.FindByHandleAsync(given, cancellationToken)
            ?? (CredentialHandles.NormalizeShortCode(given) is { } code ? await _store.FindByShortCodeAsync(code, cancellationToken) : null);
    }

    /// <summary>Revokes a credential (irreversible) with a reason; audited.</summary>
    public Task<StatusChangeOutcome> RevokeAsync(string credentialId, string reason, string actor, CancellationToken cancellationToken) =>
        _store.RevokeAsync(credentialId, reason, actor, cancellationToken);

    /// <summary>Suspends a credential (reversible); audited.</summary>
    public Task<StatusChangeOutcome> SuspendAsync(string credentialId, string reason, string actor, CancellationToken cancellationToken) =>
        _store.SuspendAsync(credentialId, reason, actor, cancellationToken);

    /// <summary>Lifts a suspension; audited.</summary>
    public Task<StatusChangeOutcome> UnsuspendAsync(string credentialId, string reason, string actor, CancellationToken cancellationToken) =>
        _store.UnsuspendAsync(credentialId, reason, actor, cancellationToken);
}
