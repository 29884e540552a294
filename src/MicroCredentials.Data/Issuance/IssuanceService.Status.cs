namespace MicroCredentials.Data.Issuance;

public sealed partial class IssuanceService
{
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

    /// <summary>Lifts a suspension; audited. The reason is optional (blank: "suspension lifted" is logged).</summary>
    public Task<StatusChangeOutcome> UnsuspendAsync(string credentialId, string? reason, string actor, CancellationToken cancellationToken) =>
        _store.UnsuspendAsync(credentialId, string.IsNullOrWhiteSpace(reason) ? "suspension lifted" : reason, actor, cancellationToken);
}
