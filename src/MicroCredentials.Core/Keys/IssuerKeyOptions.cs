namespace MicroCredentials.Keys;

/// <summary>
/// Where the issuer's keys live (configuration section <c>Issuer:Keys</c>). Relative paths resolve against the base
/// directory given to <see cref="IssuerKeySet.Load"/> (the content root for the host, the working directory for the
/// CLI). The defaults point at the public demo keys in <c>keys.example/</c>, so a fresh clone runs with no set-up —
/// <see cref="IssuerKeySet.IsDemo"/> then reports true and the host and CLI warn loudly.
/// </summary>
public sealed class IssuerKeyOptions
{
    /// <summary>The folder of the demo keys, relative to the repository root.</summary>
    public const string DemoDirectory = "keys.example";

    /// <summary>
    /// Options for a folder laid out as <see cref="KeyGenerator"/> writes it (and as <c>keys.example/</c> is):
    /// ed25519.pem, es256.pem, rs256.pem, seal.p12. <c>ForDirectory("keys.example", "demo")</c> equals the defaults.
    /// </summary>
    /// <param name="directory">The folder (absolute, or relative to the base directory given to <see cref="IssuerKeySet.Load"/>).</param>
    /// <param name="sealPassword">Password of seal.p12; null for none.</param>
    public static IssuerKeyOptions ForDirectory(string directory, string? sealPassword)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new IssuerKeyOptions
        {
            Ed25519KeyPath = Path.Combine(directory, "ed25519.pem"),
            Es256KeyPath = Path.Combine(directory, "es256.pem"),
            Rs256KeyPath = Path.Combine(directory, "rs256.pem"),
            SealPkcs12Path = Path.Combine(directory, "seal.p12"),
            SealPassword = sealPassword,
        };
    }

    /// <summary>
    /// Ed25519 private key for Data Integrity proofs (<c>eddsa-rdfc-2022</c>): PKCS#8 PEM or an OKP JWK with <c>d</c>.
    /// Default <c>keys.example/ed25519.pem</c>.
    /// </summary>
    public string Ed25519KeyPath { get; set; } = DemoDirectory + "/ed25519.pem";

    /// <summary>
    /// P-256 private key for VC-JWT ES256: PKCS#8 or SEC1 PEM, or an EC JWK with <c>d</c>.
    /// Default <c>keys.example/es256.pem</c>.
    /// </summary>
    public string Es256KeyPath { get; set; } = DemoDirectory + "/es256.pem";

    /// <summary>
    /// RSA private key (≥ 2048 bits) for VC-JWT RS256: PKCS#8 or PKCS#1 PEM, or an RSA JWK with <c>d</c>…<c>qi</c>.
    /// Default <c>keys.example/rs256.pem</c>.
    /// </summary>
    public string Rs256KeyPath { get; set; } = DemoDirectory + "/rs256.pem";

    /// <summary>
    /// PKCS#12 file with the X.509 seal certificate and its private key, for PDF signatures. Default
    /// <c>keys.example/seal.p12</c>. Set it to empty to use <see cref="SealCertificatePath"/> + <see cref="SealKeyPath"/>
    /// instead; leave all three empty when no PDF is signed (then <see cref="IssuerKeySet.SealCertificate"/> is null).
    /// </summary>
    public string? SealPkcs12Path { get; set; } = DemoDirectory + "/seal.p12";

    /// <summary>Password of <see cref="SealPkcs12Path"/>. Default <c>demo</c> (the demo file's password).</summary>
    public string? SealPassword { get; set; } = "demo";

    /// <summary>Seal certificate PEM, used with <see cref="SealKeyPath"/> when <see cref="SealPkcs12Path"/> is empty. Default none.</summary>
    public string? SealCertificatePath { get; set; }

    /// <summary>Seal private key PEM (PKCS#8, PKCS#1 or SEC1), used with <see cref="SealCertificatePath"/>. Default none.</summary>
    public string? SealKeyPath { get; set; }

    /// <summary>
    /// Ed25519 keys used in the past (PEM public or private, JWK, or a <c>z6Mk…</c> line): still published in the DID
    /// document and accepted when verifying, so credentials signed before a key rotation keep verifying. Default none.
    /// </summary>
    public IList<string> RetiredEd25519KeyPaths { get; set; } = [];

    /// <summary>
    /// P-256 or RSA JWT keys used in the past (PEM public or private, or JWK): still published in the JWKS and the DID
    /// document and accepted when verifying. Default none.
    /// </summary>
    public IList<string> RetiredJwtKeyPaths { get; set; } = [];

    /// <summary>
    /// The key history written by <c>microcred keys rotate</c> (<see cref="KeyHistory"/>): every earlier key generation
    /// with its validity window. Default null: <c>key-history.json</c> beside <see cref="Ed25519KeyPath"/>, when it exists.
    /// </summary>
    public string? KeyHistoryPath { get; set; }

    /// <summary>
    /// The hardware security module holding the keys (PKCS#11); when its <see cref="Pkcs11.Pkcs11Options.ModulePath"/> is
    /// set, the key paths above are not read, and <see cref="KeyHistoryPath"/> names the key history (public keys and
    /// module labels). Default null: file keys.
    /// </summary>
    public Pkcs11.Pkcs11Options? Pkcs11 { get; set; }

    /// <summary>
    /// Issuer ids this deployment used before a domain move (from the stored identity): the same keys stay trusted under
    /// them, so credentials issued at the old address keep verifying. Default none.
    /// </summary>
    public IList<string> EarlierIssuerIds { get; set; } = [];
}
