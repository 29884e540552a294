using System.Security.Cryptography.X509Certificates;

namespace MicroCredentials.Pdf;

/// <summary>Renders a stored credential's certificate the same way for the CLI and the host.</summary>
public static class CertificateRendering
{
    /// <summary>
    /// Renders the certificate in <paramref name="language"/> (<c>nl</c>, <c>en</c> or <c>fr</c>), sealed with
    /// <paramref name="seal"/> when it has a private key (its own, or a hardware module's: <see cref="Keys.SealKeys"/>).
    /// </summary>
    /// <param name="credentialJson">The signed credential (every printed value comes from it).</param>
    /// <param name="credentialJwt">The VC-JWT, embedded beside the JSON when given.</param>
    /// <param name="language"><c>nl</c>, <c>en</c> or <c>fr</c>.</param>
    /// <param name="verificationUrl">The QR code's target.</param>
    /// <param name="handle">The credential handle printed beside the QR code.</param>
    /// <param name="shortCode">The short code printed beside the QR code.</param>
    /// <param name="signatory">"Name, function" of the signatory, or null.</param>
    /// <param name="seal">The issuer's seal certificate, or null for an unsealed PDF.</param>
    /// <param name="signingTime">The seal's signing time.</param>
    public static byte[] Render(string credentialJson, string? credentialJwt, string language, Uri verificationUrl, string handle,
        string shortCode, string? signatory, X509Certificate2? seal, DateTimeOffset signingTime)
    {
        var document = Document(credentialJson, credentialJwt, language, verificationUrl, handle, shortCode, signatory);
        return Keys.SealKeys.CanSign(seal) ? document.GenerateSignedPdf(seal, signingTime) : document.GeneratePdf();
    }

    /// <summary>
    /// As <see cref="Render"/>, and when <paramref name="timeStamps"/> is given the seal is time-stamped (PAdES B-T);
    /// when that TSA gives no valid token the result holds no PDF and says why (nothing half-sealed is returned). When
    /// the seal is time-stamped, <paramref name="revocation"/> is given and <paramref name="sealChain"/> names CRL or
    /// OCSP addresses, the chain's long-term validation data is added (PAdES B-LT); when that fails the PDF stays B-T
    /// and <see cref="Signing.SealResult.LongTerm"/> says why.
    /// </summary>
    /// <param name="credentialJson">The signed credential (every printed value comes from it).</param>
    /// <param name="credentialJwt">The VC-JWT, embedded beside the JSON when given.</param>
    /// <param name="language"><c>nl</c>, <c>en</c> or <c>fr</c>.</param>
    /// <param name="verificationUrl">The QR code's target.</param>
    /// <param name="handle">The credential handle printed beside the QR code.</param>
    /// <param name="shortCode">The short code printed beside the QR code.</param>
    /// <param name="signatory">"Name, function" of the signatory, or null.</param>
    /// <param name="seal">The issuer's seal certificate, or null for an unsealed PDF.</param>
    /// <param name="sealChain">The seal's CA certificates (intermediates, root); may be empty.</param>
    /// <param name="signingTime">The seal's signing time.</param>
    /// <param name="timeStamps">The time-stamping authority, or null for a B-B seal.</param>
    /// <param name="revocation">Fetches the chain's CRLs and OCSP answers, or null for no long-term validation data.</param>
    /// <param name="cancellationToken">Cancels the time-stamp and revocation requests.</param>
    public static async Task<Signing.SealResult> RenderAsync(string credentialJson, string? credentialJwt, string language, Uri verificationUrl,
        string handle, string shortCode, string? signatory, X509Certificate2? seal, IReadOnlyList<X509Certificate2> sealChain, DateTimeOffset signingTime,
        Signing.TimeStampClient? timeStamps, Signing.RevocationClient? revocation, CancellationToken cancellationToken)
    {
        if (timeStamps is null || !Keys.SealKeys.CanSign(seal))
        {
            return new Signing.SealResult
            {
                Pdf = Render(credentialJson, credentialJwt, language, verificationUrl, handle, shortCode, signatory, seal, signingTime),
            };
        }
        var document = Document(credentialJson, credentialJwt, language, verificationUrl, handle, shortCode, signatory);
        return await document.GenerateSignedPdfAsync(seal, sealChain, signingTime, timeStamps, revocation, cancellationToken);
    }

    /// <summary>
    /// Renders the staff app's preview of a catalogue entry: an unsealed certificate of an unsigned credential with demo
    /// data, marked <see cref="CertificateDocument.PreviewMark"/> on every page.
    /// </summary>
    /// <param name="credentialJson">The unsigned credential built from the edited entry.</param>
    /// <param name="language"><c>nl</c>, <c>en</c> or <c>fr</c>.</param>
    /// <param name="verificationUrl">The QR code's target (ends in <c>/v/</c> and <paramref name="handle"/>).</param>
    /// <param name="handle">The handle printed beside the QR code.</param>
    /// <param name="shortCode">The short code printed beside the QR code.</param>
    /// <param name="signatory">"Name, function" of the signatory, or null.</param>
    public static byte[] RenderPreview(string credentialJson, string language, Uri verificationUrl, string handle, string shortCode, string? signatory) =>
        Document(credentialJson, null, language, verificationUrl, handle, shortCode, signatory, preview: true).GeneratePdf();

    private static CertificateDocument Document(string credentialJson, string? credentialJwt, string language, Uri verificationUrl,
        string handle, string shortCode, string? signatory, bool preview = false)
    {
        var (name, title) = SplitSignatory(signatory);
        return new CertificateDocument(new CertificateModel
        {
            CredentialJson = credentialJson,
            CredentialJwt = credentialJwt,
            Language = LanguageOf(language),
            VerificationUrl = verificationUrl,
            CredentialHandle = handle,
            ShortCode = shortCode,
            SignatoryName = name,
            SignatoryTitle = title,
            Preview = preview,
        });
    }

    /// <summary>The certificate languages by language-map key, in the order they are offered.</summary>
    public static IReadOnlyList<string> LanguageKeys { get; } = ["nl", "en", "fr"];

    /// <summary>True for <c>nl</c>, <c>en</c> and <c>fr</c>.</summary>
    public static bool IsLanguage(string? key) => key is "nl" or "en" or "fr";

    /// <summary>The language of a key (<c>nl</c>, <c>en</c>, <c>fr</c>); anything else is Dutch, the default.</summary>
    public static CertificateLanguage LanguageOf(string? key) => key switch
    {
        "en" => CertificateLanguage.English,
        "fr" => CertificateLanguage.French,
        _ => CertificateLanguage.Dutch,
    };

    /// <summary>"Prof. dr. Els Vermeulen, academisch directeur" → name and function.</summary>
    public static (string? Name, string? Title) SplitSignatory(string? signatory)
    {
        if (string.IsNullOrWhiteSpace(signatory))
        {
            return (null, null);
        }

        var comma = signatory.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? (signatory.Trim(), null) : (signatory[..comma].Trim(), signatory[(comma + 1)..].Trim());
    }
}
