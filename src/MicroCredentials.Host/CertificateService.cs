using MicroCredentials.Host.Catalogue;
using MicroCredentials.Data;
using MicroCredentials.Data.Issuance;
using MicroCredentials.Host.Infrastructure.Telemetry;
using MicroCredentials.Keys;
using MicroCredentials.Pdf;
using MicroCredentials.Pdf.Signing;

namespace MicroCredentials.Host;

/// <summary>
/// The PDF certificate of a stored credential in the language the graduate asks for: rendered and sealed once per
/// language (at the first download) and stored, so every later download returns the same bytes with the same seal
/// time — also after a revocation, when the status list, not the file, says the credential is revoked. With a
/// time-stamping authority (<c>Issuer:TimeStampUrl</c>) the stored seal is PAdES B-T; while that TSA fails, the
/// graduate gets a seal without time-stamp that is not stored, so the next download tries again. When the seal's chain
/// (its CA certificates, given with the seal file) names CRL or OCSP addresses, the time-stamped seal also gets the
/// chain's revocation data (PAdES B-LT) through the <c>RevocationClient</c>; when those fetches fail the B-T file is
/// stored and the reason logged as a warning (the file is the academy's record; its seal is still time-stamped).
/// </summary>
internal sealed class CertificateService(IssuerKeySet keys, IssuanceService issuance, CatalogueState catalogue, CredentialStore store,
    TimeProvider time, ILogger<CertificateService> logger, TimeStampClient? timeStamps = null, RevocationClient? revocation = null)
{
    /// <summary>Renders and seals the certificate now without a time-stamp (not stored). Traced and counted.</summary>
    public byte[] RenderPdf(StoredCredential stored, string language)
    {
        using var span = ProductTelemetry.ActivitySource.StartActivity("pdf.render");
        var pdf = CertificateRendering.Render(stored.CredentialJson, stored.Jwt, language, new Uri(issuance.Options.VerificationUrl(stored.Handle)),
            stored.Handle, stored.ShortCode, catalogue.Current.Issuer.SignatoryFor(language), keys.SealCertificate, time.GetUtcNow());
        ProductTelemetry.PdfRendered(language, timeStamped: false);
        return pdf;
    }

    /// <summary>The stored certificate in <paramref name="language"/>; rendered, sealed and stored first when there is none yet.</summary>
    public async Task<byte[]> GetPdfAsync(StoredCredential stored, string language, CancellationToken cancellationToken)
    {
        if (await store.FindCertificatePdfAsync(stored.Id, language, cancellationToken) is { } existing)
        {
            return existing;
        }
        if (timeStamps is null || !SealKeys.CanSign(keys.SealCertificate))
        {
            return await store.StoreCertificatePdfAsync(stored.Id, language, RenderPdf(stored, language), cancellationToken);
        }
        using var span = ProductTelemetry.ActivitySource.StartActivity("pdf.render");
        var now = time.GetUtcNow();
        // One snapshot, so the seal and its chain belong together across a rotation.
        var signing = keys.SigningAt(now);
        var sealedPdf = await CertificateRendering.RenderAsync(stored.CredentialJson, stored.Jwt, language,
            new Uri(issuance.Options.VerificationUrl(stored.Handle)), stored.Handle, stored.ShortCode, catalogue.Current.Issuer.SignatoryFor(language),
            signing.SealCertificate, signing.SealChain, now, timeStamps, revocation, cancellationToken);
        if (sealedPdf.Succeeded)
        {
            if (sealedPdf.LongTerm is { Succeeded: false } longTerm)
            {
                logger.LogWarning("Certificate stored as PAdES B-T without long-term validation data: {Reason}", longTerm.Detail);
            }
            ProductTelemetry.PdfRendered(language, timeStamped: true);
            return await store.StoreCertificatePdfAsync(stored.Id, language, sealedPdf.Pdf, cancellationToken);
        }
        logger.LogWarning("Certificate served without time-stamp and not stored: {Reason}", sealedPdf.Detail);
        return RenderPdf(stored, language);
    }
}
