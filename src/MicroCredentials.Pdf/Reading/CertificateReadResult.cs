using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Pdf;

/// <summary>What <see cref="CertificateReader"/> found in a PDF; never thrown, always returned.</summary>
public sealed record CertificateReadResult
{
    /// <summary>The verdict on the file and its PDF signature.</summary>
    public required CertificateVerdict Verdict { get; init; }

    /// <summary>One sentence explaining the verdict, for people.</summary>
    public required string Detail { get; init; }

    /// <summary>The signer's certificate (from the CMS), when a signature was found and decoded.</summary>
    public X509Certificate2? SignerCertificate { get; init; }

    /// <summary>The signer's distinguished name, when known.</summary>
    public string? SignerSubject => SignerCertificate?.Subject;

    /// <summary>The CMS signing-time attribute, when present.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>
    /// The time in the seal's RFC 3161 signature time-stamp (PAdES B-T), when the seal carries one that verifies: the
    /// latest moment the seal can have been made, vouched for by the time-stamping authority rather than by the signer.
    /// </summary>
    public DateTimeOffset? TimeStampTime { get; init; }

    /// <summary>The time-stamping authority's certificate (from the token), when a verified time-stamp is present.</summary>
    public X509Certificate2? TimeStampCertificate { get; init; }

    /// <summary>The time-stamping authority's name (the common name of its certificate), when a verified time-stamp is present.</summary>
    public string? TimeStampAuthority => TimeStampCertificate?.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    /// <summary>
    /// The PAdES level the seal proves (B-B, B-T, or B-LT when the DSS also holds a CRL or OCSP answer for the seal
    /// certificate from its issuer); <see cref="Signing.SealLevel.None"/> when the seal does not verify.
    /// </summary>
    public Signing.SealLevel SealLevel { get; init; }

    /// <summary>What the catalogue's DSS holds, when it has one and the seal verifies.</summary>
    public DssContents? Dss { get; init; }

    /// <summary>True when the DSS holds a verified CRL or OCSP answer about the seal certificate.</summary>
    public bool SealRevocationChecked { get; init; }

    /// <summary>When that revocation data says the seal certificate was revoked; null when it was not (or nothing says).</summary>
    public DateTimeOffset? SealRevokedAt { get; init; }

    /// <summary>The signature's <c>/SubFilter</c>, e.g. <c>ETSI.CAdES.detached</c>.</summary>
    public string? SubFilter { get; init; }

    /// <summary>The embedded signed credential (JSON with Data Integrity proof), as stored.</summary>
    public string? CredentialJson { get; init; }

    /// <summary>The embedded VC-JWT, as stored.</summary>
    public string? CredentialJwt { get; init; }

    /// <summary>
    /// Whether the printed text is exactly the certificate our layout draws from the embedded credential (JSON, else
    /// the VC-JWT's payload): same words, order, size, colour, visibility and place.
    /// </summary>
    public PrintedValuesCheck PrintedValues { get; init; } = PrintedValuesCheck.NotChecked;

    /// <summary>
    /// Which credential facts cannot be read on the page (<c>name</c>, <c>title</c>, <c>institution</c>, <c>ects</c>,
    /// <c>eqf</c>, <c>grade</c>, <c>date</c>, <c>issued</c>, <c>code</c>, <c>period</c>, <c>id</c>); empty otherwise.
    /// </summary>
    public IReadOnlyList<string> Mismatches { get; init; } = [];

    /// <summary>The first way the printed text differs from the certificate, in one sentence; null when it does not.</summary>
    public string? PrintedDifference { get; init; }
}

/// <summary>The counts of validation data in a PDF's Document Security Store.</summary>
/// <param name="Certificates">Certificates in <c>/Certs</c>.</param>
/// <param name="Crls">CRLs in <c>/CRLs</c>.</param>
/// <param name="Ocsps">OCSP answers in <c>/OCSPs</c>.</param>
/// <param name="InUpdate">True when the DSS was added in an incremental update after the signed revision.</param>
public sealed record DssContents(int Certificates, int Crls, int Ocsps, bool InUpdate);
