using System.Security.Cryptography.X509Certificates;
using MicroCredentials.Pdf.Signing;
using UglyToad.PdfPig.Tokens;
using PigDocument = UglyToad.PdfPig.PdfDocument;

namespace MicroCredentials.Pdf;

public static partial class CertificateReader
{
    /// <summary>
    /// Reports the long-term validation data of a verified seal (PAdES B-LT): the catalogue's <c>/DSS</c> certificates,
    /// CRLs and OCSP answers (at most <see cref="PdfLimits.MaxDssEntries"/> of each are looked at), the seal
    /// certificate's issuer among them (name and signature), and what a CRL or OCSP answer of that issuer which verifies
    /// says about the seal certificate. The level is B-LT when the seal is time-stamped and such an answer is there. A
    /// seal certificate revoked before the seal's time-stamp (or at all, without one) makes the seal invalid; revoked
    /// later, the seal stays valid and the detail says when.
    /// </summary>
    private static CertificateReadResult ReadLongTerm(PigDocument document, CertificateReadResult result, bool inUpdate)
    {
        var level = result.TimeStampTime is null ? SealLevel.BaselineB : SealLevel.BaselineT;
        var dss = ReadDss(document);
        if (dss is null || result.SignerCertificate is not { } seal)
        {
            return result with { SealLevel = level };
        }
        var issuer = dss.Value.Certificates.FirstOrDefault(c => RevocationDer.IssuedBy(seal, c) && !c.RawData.AsSpan().SequenceEqual(seal.RawData));
        var answers = issuer is null ? [] : dss.Value.Ocsps.Select(o => RevocationDer.OcspStatus(o, seal, issuer))
            .Concat(dss.Value.Crls.Select(c => RevocationDer.CrlStatus(c, seal, issuer))).OfType<RevocationAnswer>().ToList();
        var contents = new DssContents(dss.Value.Certificates.Count, dss.Value.Crls.Count, dss.Value.Ocsps.Count, inUpdate);
        var withDss = result with { Dss = contents, SealLevel = level };
        if (answers.Count == 0)
        {
            return withDss;
        }
        var revoked = answers.Where(a => a.Status == RevocationStatus.Revoked).OrderBy(a => a.RevokedAt).FirstOrDefault();
        if (revoked is null)
        {
            return withDss with
            {
                SealLevel = level == SealLevel.BaselineT ? SealLevel.BaselineLt : level,
                SealRevocationChecked = true,
                Detail = withDss.Detail + " Its long-term validation data shows the seal certificate was not revoked.",
            };
        }
        var at = revoked.RevokedAt ?? revoked.ThisUpdate;
        if (result.TimeStampTime is { } stamped && at > stamped)
        {
            return withDss with
            {
                SealLevel = SealLevel.BaselineLt,
                SealRevocationChecked = true,
                SealRevokedAt = at,
                Detail = withDss.Detail + $" The seal certificate was revoked on {at:u}, after the seal was time-stamped.",
            };
        }
        return withDss with
        {
            Verdict = CertificateVerdict.SignatureInvalid,
            SealLevel = SealLevel.None,
            SealRevocationChecked = true,
            SealRevokedAt = at,
            Detail = $"The seal certificate was revoked on {at:u}, before the seal was {(result.TimeStampTime is null ? "made" : "time-stamped")}: the seal is not valid.",
        };
    }

    private readonly record struct DssData(IReadOnlyList<X509Certificate2> Certificates, IReadOnlyList<byte[]> Crls, IReadOnlyList<byte[]> Ocsps);

    private static DssData? ReadDss(PigDocument document)
    {
        if (!document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("DSS"), out var token)
            || Resolve(document, token) is not DictionaryToken dss)
        {
            return null;
        }
        List<byte[]> Streams(string key)
        {
            if (!dss.Data.TryGetValue(key, out var value) || Resolve(document, value) is not ArrayToken array)
            {
                return [];
            }
            return array.Data.Take(PdfLimits.MaxDssEntries).Select(t => Resolve(document, t) as StreamToken).OfType<StreamToken>()
                .Select(DerStreamData).OfType<byte[]>().ToList();
        }
        var certificates = new List<X509Certificate2>();
        foreach (var der in Streams("Certs"))
        {
            try
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(der));
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // Not a certificate: not validation data (a DSS update with such a stream is refused before).
            }
        }
        return new DssData(certificates, Streams("CRLs"), Streams("OCSPs"));
    }
}
