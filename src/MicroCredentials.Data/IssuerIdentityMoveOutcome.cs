namespace MicroCredentials.Data;

/// <summary>What <see cref="CredentialStore.MoveIssuerIdentityAsync"/> did.</summary>
public enum IssuerIdentityMoveOutcome
{
    /// <summary>The new identity is current; the old one is kept as an earlier identity.</summary>
    Moved,

    /// <summary>The database has no identity yet: nothing to move (set the address and start the host instead).</summary>
    NoIdentity,

    /// <summary>The identity already uses that address.</summary>
    AlreadyThere,
}
