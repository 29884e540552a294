namespace MicroCredentials.Data;

/// <summary>What a revoke, suspend or unsuspend did.</summary>
public enum StatusChangeOutcome
{
    /// <summary>The state changed, the status bit was written, the list version bumped and an audit entry recorded.</summary>
    Changed,

    /// <summary>The credential was already in the requested state; nothing was written.</summary>
    Unchanged,

    /// <summary>No credential has this id.</summary>
    NotFound,

    /// <summary>The credential is revoked, which is final: it cannot be suspended or unsuspended.</summary>
    AlreadyRevoked,
}
