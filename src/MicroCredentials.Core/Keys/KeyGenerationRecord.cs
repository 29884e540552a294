using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MicroCredentials.Keys;

/// <summary>
/// One generation of issuer keys in <see cref="KeyHistory"/>: the public keys (never a private one), when they were the
/// signing keys, and where the private keys of a generation still in use are kept.
/// </summary>
public sealed record KeyGenerationRecord
{
    /// <summary>First moment these keys sign; null for the first generation (keys from before any rotation).</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>The rotation moment that retired these keys; null for the newest generation.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>The Ed25519 public key as Multikey <c>z6Mk…</c>.</summary>
    public required string Ed25519 { get; init; }

    /// <summary>The ES256 public key as a JWK (public members only).</summary>
    public required JsonObject Es256 { get; init; }

    /// <summary>The RS256 public key as a JWK (public members only).</summary>
    public required JsonObject Rs256 { get; init; }

    /// <summary>The seal certificate (DER, base64); null when the generation had none.</summary>
    public string? SealCertificate { get; init; }

    /// <summary>
    /// Folder (relative to the key folder) holding this generation's private keys while they may still sign (a rotation
    /// that takes effect later); null once they are not needed — verifying needs only the public keys above.
    /// </summary>
    public string? PrivateKeys { get; init; }

    /// <summary>
    /// The labels of this generation's keys in the hardware module (<c>keys generate/rotate --pkcs11</c>); null for file
    /// keys. The private keys stay in the module; the public keys above are what verifying needs.
    /// </summary>
    public Pkcs11.ModuleKeyLabels? ModuleKeys { get; init; }

    /// <summary>The validity window.</summary>
    [JsonIgnore]
    public KeyValidityWindow Window => new(ValidFrom, ValidUntil);
}
