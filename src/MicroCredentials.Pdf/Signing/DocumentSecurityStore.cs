using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf;

namespace MicroCredentials.Pdf.Signing;

/// <summary>
/// The catalogue's Document Security Store (<c>/DSS</c>, ISO 32000-2 §12.8.4.3; ETSI EN 319 142-1 §5.4): validation data
/// a verifier needs years later without asking anyone. We write it before signing, so it lies inside the signed
/// revision: the seal certificate. A self-issued seal has no chain, OCSP or CRL to add; the TSA's certificate travels in
/// its token.
/// </summary>
internal static class DocumentSecurityStore
{
    /// <summary>Adds <c>/DSS &lt;&lt; /Certs [ … ] &gt;&gt;</c> with one DER stream per certificate.</summary>
    public static void Add(PdfDocument document, IEnumerable<X509Certificate2> certificates)
    {
        var certs = new PdfArray(document);
        foreach (var certificate in certificates.DistinctBy(c => c.Thumbprint))
        {
            var stream = new PdfDictionary(document);
            stream.CreateStream(certificate.RawData);
            document.Internals.AddObject(stream);
            certs.Elements.Add(stream.Reference!);
        }
        var dss = new PdfDictionary(document);
        dss.Elements["/Type"] = new PdfName("/DSS");
        dss.Elements["/Certs"] = certs;
        document.Internals.AddObject(dss);
        document.Internals.Catalog.Elements["/DSS"] = dss.Reference;
    }
}
