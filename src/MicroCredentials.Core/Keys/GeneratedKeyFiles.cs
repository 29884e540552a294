namespace MicroCredentials.Keys;

/// <summary>What <see cref="KeyGenerator.Generate"/> wrote. Print <see cref="SealPassword"/> once if it was generated.</summary>
/// <param name="Ed25519KeyPath">Ed25519 private key, PKCS#8 PEM.</param>
/// <param name="Es256KeyPath">P-256 private key, PKCS#8 PEM.</param>
/// <param name="Rs256KeyPath">RSA-2048 private key, PKCS#8 PEM.</param>
/// <param name="SealCertificatePath">The self-signed seal certificate, PEM (public).</param>
/// <param name="SealPkcs12Path">The seal certificate with its RSA-3072 key, PKCS#12.</param>
/// <param name="SealPassword">The PKCS#12 password.</param>
/// <param name="SealPasswordGenerated">True when the password was generated (the caller must show it once).</param>
public sealed record GeneratedKeyFiles(
    string Ed25519KeyPath,
    string Es256KeyPath,
    string Rs256KeyPath,
    string SealCertificatePath,
    string SealPkcs12Path,
    string SealPassword,
    bool SealPasswordGenerated)
{
    /// <summary>Options that load exactly these keys.</summary>
    public IssuerKeyOptions ToOptions() => new()
    {
        Ed25519KeyPath = Ed25519KeyPath,
        Es256KeyPath = Es256KeyPath,
        Rs256KeyPath = Rs256KeyPath,
        SealPkcs12Path = SealPkcs12Path,
        SealPassword = SealPassword,
    };
}
