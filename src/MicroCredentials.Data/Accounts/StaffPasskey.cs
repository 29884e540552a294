namespace MicroCredentials.Data;

/// <summary>
/// A passkey (WebAuthn public-key credential) registered to a local staff account: only public data — the private key
/// never leaves the person's authenticator.
/// </summary>
/// <param name="CredentialId">The authenticator's credential id (unique).</param>
/// <param name="AccountId">The staff account it signs in.</param>
/// <param name="Name">The name the person gave it ("Laptop", "Phone"), shown on the account page.</param>
/// <param name="PublicKey">The credential's public key (COSE).</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="SignCount">The authenticator's signature counter at the last use.</param>
/// <param name="Transports">How the browser can reach the authenticator (usb, internal, hybrid …), comma-separated.</param>
/// <param name="IsUserVerified">The authenticator verified the person (PIN or biometrics) at the last use.</param>
/// <param name="IsBackupEligible">The credential may be synced between devices.</param>
/// <param name="IsBackedUp">The credential is synced.</param>
/// <param name="AttestationObject">The attestation the authenticator gave at registration.</param>
/// <param name="ClientDataJson">The browser's client data at registration.</param>
/// <param name="LastUsedAt">When it last signed in, or <see langword="null"/>.</param>
public sealed record StaffPasskey(
    byte[] CredentialId,
    long AccountId,
    string Name,
    byte[] PublicKey,
    DateTimeOffset CreatedAt,
    long SignCount,
    string Transports,
    bool IsUserVerified,
    bool IsBackupEligible,
    bool IsBackedUp,
    byte[] AttestationObject,
    byte[] ClientDataJson,
    DateTimeOffset? LastUsedAt);
