namespace MicroCredentials.Data;

/// <summary>The answer of <see cref="CredentialStore.ClaimIssuerIdentityAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Current">The identity the database holds as current after the call (for a conflict: the stored one).</param>
/// <param name="Earlier">Identities used before a domain move, newest first: still trusted and published.</param>
/// <param name="Replaced">For <see cref="IssuerIdentityOutcome.Replaced"/>: the identity that was dropped.</param>
public sealed record IssuerIdentityClaim(IssuerIdentityOutcome Outcome, IssuerIdentity Current, IReadOnlyList<IssuerIdentity> Earlier,
    IssuerIdentity? Replaced = null)
{
    /// <summary>What differs between the stored and the configured identity (empty unless a conflict).</summary>
    public IReadOnlyList<string> Differences { get; init; } = [];
}
