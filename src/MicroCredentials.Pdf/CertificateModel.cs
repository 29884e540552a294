namespace MicroCredentials.Pdf;

/// <summary>
/// Everything a certificate is built from. Every value printed about the learner and the micro-credential is read
/// from <see cref="CredentialJson"/> — the signed credential exactly as issued, which is also embedded in the PDF —
/// so the paper can never say more or other than the credential.
/// </summary>
public sealed record CertificateModel
{
    /// <summary>The signed OpenBadgeCredential (JSON with its Data Integrity proof), byte for byte as issued.</summary>
    public required string CredentialJson { get; init; }

    /// <summary>The same credential as a VC-JWT (compact JWS), embedded next to the JSON when present.</summary>
    public string? CredentialJwt { get; init; }

    /// <summary>Language of the printed text.</summary>
    public required CertificateLanguage Language { get; init; }

    /// <summary>Verification URL the QR code encodes: <c>&lt;public base URL&gt;/v/&lt;credential handle&gt;</c>.</summary>
    public required Uri VerificationUrl { get; init; }

    /// <summary>The opaque credential handle (last path segment of <see cref="VerificationUrl"/>), printed by the QR code.</summary>
    public required string CredentialHandle { get; init; }

    /// <summary>A short code a person can type on the verification page (e.g. <c>K7QD-M4XP</c>).</summary>
    public required string ShortCode { get; init; }

    /// <summary>Name of the person who signs on behalf of the institution (configuration); no signature line name when null.</summary>
    public string? SignatoryName { get; init; }

    /// <summary>Position of the signatory, e.g. <c>Director, Academy for Lifelong Learning</c> (configuration).</summary>
    public string? SignatoryTitle { get; init; }

    /// <summary>
    /// True for the staff app's preview of a catalogue entry (an unsigned credential with demo data): every page carries
    /// <see cref="CertificateDocument.PreviewMark"/> instead of being a certificate.
    /// </summary>
    public bool Preview { get; init; }
}
