namespace MicroCredentials.Data;

/// <summary>The result of <see cref="CredentialStore.VerifyApiKeyAsync"/>.</summary>
/// <param name="Outcome">Whether the key is accepted, and why not.</param>
/// <param name="Key">The key's metadata when <see cref="ApiKeyVerificationOutcome.Valid"/> or <see cref="ApiKeyVerificationOutcome.Revoked"/>.</param>
public sealed record ApiKeyVerification(ApiKeyVerificationOutcome Outcome, ApiKey? Key)
{
    /// <summary>Whether the key is accepted.</summary>
    public bool IsValid => Outcome == ApiKeyVerificationOutcome.Valid;
}
