using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Keys;
using MicroCredentials.Pdf;

namespace MicroCredentials.Host;

/// <summary>Renders a stored credential's PDF certificate on demand, in the language the graduate asks for.</summary>
internal sealed class CertificateService(IssuerKeySet keys, IssuanceService issuance, MicroCredentialCatalog catalog, TimeProvider time)
{
    public byte[] RenderPdf(StoredCredential stored, string language) => CertificateRendering.Render(
        stored.CredentialJson, stored.Jwt, language, new Uri(issuance.Options.VerificationUrl(stored.Handle)), stored.Handle,
        stored.ShortCode, catalog.Issuer.Signatory, keys.SealCertificate, time.GetUtcNow());
}
