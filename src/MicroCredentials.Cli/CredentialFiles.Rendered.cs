using MicroCredentials.Data;
using MicroCredentials.Pdf;

namespace MicroCredentials.Cli;

internal sealed partial class CredentialFiles
{
    /// <summary>Renders the certificate PDF, sealed with the issuer's seal when one is configured.</summary>
    public byte[] RenderPdf(StoredCredential stored, string language)
    {
        var (name, title) = SplitSignatory(_signatory);
        var document = new CertificateDocument(new CertificateModel
        {
            CredentialJson = stored.CredentialJson,
            CredentialJwt = stored.Jwt,
            Language = language == "en" ? CertificateLanguage.English : CertificateLanguage.Dutch,
            VerificationUrl = new Uri(_options.VerificationUrl(stored.Handle)),
            CredentialHandle = stored.Handle,
            ShortCode = stored.ShortCode,
            SignatoryName = name,
            SignatoryTitle = title,
        });
        return _keys.SealCertificate is { HasPrivateKey: true } seal
            ? document.GenerateSignedPdf(seal, _time.GetUtcNow())
            : document.GeneratePdf();
    }

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
