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

    /// <summary>The signature's <c>/SubFilter</c>, e.g. <c>ETSI.CAdES.detached</c>.</summary>
    public string? SubFilter { get; init; }

    /// <summary>The embedded signed credential (JSON with Data Integrity proof), as stored.</summary>
    public string? CredentialJson { get; init; }

    /// <summary>The embedded VC-JWT, as stored.</summary>
    public string? CredentialJwt { get; init; }

    /// <summary>Whether the printed name, title and ECTS match the embedded credential.</summary>
    public PrintedValuesCheck PrintedValues { get; init; } = PrintedValuesCheck.NotChecked;

    /// <summary>Which printed values did not match (<c>name</c>, <c>title</c>, <c>ects</c>); empty otherwise.</summary>
    public IReadOnlyList<string> Mismatches { get; init; } = [];
}
