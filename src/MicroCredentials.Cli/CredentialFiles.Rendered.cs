using MicroCredentials.Data;
using MicroCredentials.Pdf;

namespace MicroCredentials.Cli;

internal sealed partial class CredentialFiles
{
    /// <summary>Renders the certificate PDF, sealed with the issuer's seal when one is configured.</summary>
    public byte[] RenderPdf(StoredCredential stored, string language) => CertificateRendering.Render(
        stored.CredentialJson, stored.Jwt, language, new Uri(_options.VerificationUrl(stored.Handle)), stored.Handle,
        stored.ShortCode, _signatory, _keys.SealCertificate, _time.GetUtcNow());
}
