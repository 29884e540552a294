namespace MicroCredentials.Data;

/// <summary>What <see cref="CredentialStore.ClaimIssuerIdentityAsync"/> found.</summary>
public enum IssuerIdentityOutcome
{
    /// <summary>No identity was stored: the configured one is now recorded.</summary>
    Recorded,

    /// <summary>The stored identity is the configured one.</summary>
    Unchanged,

    /// <summary>The stored identity differed, but no credential existed yet: the configured one replaced it.</summary>
    Replaced,

    /// <summary>The stored identity differs and credentials were issued under it: nothing was changed.</summary>
    Conflict,
}
