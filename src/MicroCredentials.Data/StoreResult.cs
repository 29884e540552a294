namespace MicroCredentials.Data;

/// <summary>The result of <see cref="CredentialStore.InsertIssuedAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Credential">
/// The stored credential for <see cref="StoreOutcome.Inserted"/>, the existing one for
/// <see cref="StoreOutcome.AlreadyIssued"/>, otherwise <see langword="null"/>.
/// </param>
public sealed record StoreResult(StoreOutcome Outcome, StoredCredential? Credential);
