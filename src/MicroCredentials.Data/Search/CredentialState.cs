namespace MicroCredentials.Data;

/// <summary>Where a stored credential stands, as the staff app shows and filters it (one state each).</summary>
public enum CredentialState
{
    /// <summary>Neither revoked, suspended nor superseded.</summary>
    Valid,

    /// <summary>Revoked (irreversible), and not because a correction replaced it.</summary>
    Revoked,

    /// <summary>Suspended now (reversible), not revoked.</summary>
    Suspended,

    /// <summary>Replaced by a correction (a re-issue); it is revoked as well.</summary>
    Superseded,
}
