namespace MicroCredentials.Pdf;

/// <summary>Names and media types of the files a certificate PDF carries.</summary>
public static class CertificateFiles
{
    /// <summary>The signed credential with its Data Integrity proof.</summary>
    public const string CredentialJsonName = "credential.json";

    /// <summary>The same credential as a VC-JWT.</summary>
    public const string CredentialJwtName = "credential.jwt";

    /// <summary>Media type of <see cref="CredentialJsonName"/> (OB 3.0, embedded proof).</summary>
    public const string CredentialJsonMediaType = "application/vc+ld+json";

    /// <summary>Media type of <see cref="CredentialJwtName"/> (VC-JOSE-COSE).</summary>
    public const string CredentialJwtMediaType = "application/vc+jwt";
}
