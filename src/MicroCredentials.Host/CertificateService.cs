using MicroCredentials.Catalog;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Keys;
using MicroCredentials.Pdf;

namespace MicroCredentials.Host;

/// <summary>
/// The PDF certificate of a stored credential in the language the graduate asks for: rendered and sealed once per
/// language (at the first download) and stored, so every later download returns the same bytes with the same seal
/// time — also after a revocation, when the status list, not the file, says the credential is revoked.
/// </summary>
internal sealed class CertificateService(IssuerKeySet keys, IssuanceService issuance, MicroCredentialCatalog catalog, CredentialStore store,
    TimeProvider time)
{
    /// <summary>Renders and seals the certificate now (not stored).</summary>
    public byte[] RenderPdf(StoredCredential stored, string language) => CertificateRendering.Render(
        stored.CredentialJson, stored.Jwt, language, new Uri(issuance.Options.VerificationUrl(stored.Handle)), stored.Handle,
        stored.ShortCode, catalog.Issuer.SignatoryFor(language), keys.SealCertificate, time.GetUtcNow());

    /// <summary>The stored certificate in <paramref name="language"/>; rendered, sealed and stored first when there is none yet.</summary>
    public async Task<byte[]> GetPdfAsync(StoredCredential stored, string language, CancellationToken cancellationToken) =>
        await store.FindCertificatePdfAsync(stored.Id, language, cancellationToken)
        ?? await store.StoreCertificatePdfAsync(stored.Id, language, RenderPdf(stored, language), cancellationToken);
}
