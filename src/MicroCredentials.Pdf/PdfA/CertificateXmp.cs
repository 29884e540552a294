using System.Globalization;
using System.Security;
using System.Text;

namespace MicroCredentials.Pdf.PdfA;

/// <summary>
/// The certificate's XMP metadata packet (ISO 16684-1) as PDF/A-3b requires it (ISO 19005-3 §6.6): the PDF/A
/// identification (<c>pdfaid:part</c> 3, <c>pdfaid:conformance</c> B), and the document information — title, creator,
/// description, language, creator tool, producer, dates — equal to the Info dictionary's values (§6.6.2.3.1).
/// Only predefined schemas (dc, xmp, pdf, pdfaid) are used, so no PDF/A extension schema description is needed.
/// </summary>
/// <param name="Title">dc:title (the Info /Title).</param>
/// <param name="Creator">dc:creator (the Info /Author: the awarding institution).</param>
/// <param name="Description">dc:description (the Info /Subject).</param>
/// <param name="Language">dc:language, a BCP 47 tag (<c>nl</c>, <c>en</c>, <c>fr</c>).</param>
/// <param name="CreatorTool">xmp:CreatorTool (the Info /Creator).</param>
/// <param name="Date">xmp:CreateDate and xmp:ModifyDate (the Info dates).</param>
internal sealed record CertificateXmp(string Title, string Creator, string Description, string Language, string CreatorTool, DateTimeOffset Date)
{
    /// <summary>The XMP packet text, without padding; <paramref name="producer"/> is the Info /Producer PDFsharp writes.</summary>
    public string Packet(string producer)
    {
        static string X(string value) => SecurityElement.Escape(value);
        var date = Date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        text.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        text.Append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">");
        text.Append("<pdfaid:part>3</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n");
        text.Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
        text.Append($"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{X(Title)}</rdf:li></rdf:Alt></dc:title>");
        text.Append($"<dc:creator><rdf:Seq><rdf:li>{X(Creator)}</rdf:li></rdf:Seq></dc:creator>");
        text.Append($"<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{X(Description)}</rdf:li></rdf:Alt></dc:description>");
        text.Append($"<dc:language><rdf:Bag><rdf:li>{X(Language)}</rdf:li></rdf:Bag></dc:language></rdf:Description>\n");
        text.Append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">");
        text.Append($"<xmp:CreatorTool>{X(CreatorTool)}</xmp:CreatorTool><xmp:CreateDate>{date}</xmp:CreateDate><xmp:ModifyDate>{date}</xmp:ModifyDate></rdf:Description>\n");
        text.Append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">");
        text.Append($"<pdf:Producer>{X(producer)}</pdf:Producer></rdf:Description>\n");
        text.Append("</rdf:RDF></x:xmpmeta>\n");
        return text.ToString();
    }
}
