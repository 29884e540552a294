using MicroCredentials.Pdf.PdfA;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace MicroCredentials.Pdf;

public sealed partial class CertificateDocument
{
    /// <summary>
    /// Makes the document PDF/A-3b and tagged before anything is drawn: PDFsharp's PDF/A mode adds the sRGB output
    /// intent (its sRGB2014 ICC profile, <c>/S /GTS_PDFA1</c>), <c>/MarkInfo</c> and a structure tree, and refuses
    /// untagged drawing; the document language goes to the catalog's <c>/Lang</c>; viewers show the title, not the
    /// file name (PDF/UA-1 §7.1). The XMP identification is written at save (<see cref="SaveArchival"/>).
    /// </summary>
    private StructureBuilder PrepareArchival(PdfDocument document)
    {
        document.SetPdfA();
        // PDF/A-3 is based on PDF 1.7 (associated files are a PDF 2.0 feature that PDF/A-3 adopts).
        document.Version = 17;
        document.ViewerPreferences.DisplayDocTitle = true;
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(_labels.LanguageKey);
        return accessibility.StructureBuilder;
    }

    /// <summary>The XMP packet of this certificate, from the same values as the Info dictionary.</summary>
    private CertificateXmp Xmp(PdfDocument document) => new(document.Info.Title, document.Info.Author, document.Info.Subject,
        _labels.LanguageKey, document.Info.Creator, _credential.ValidFrom);

    /// <summary>Saves through <see cref="XmpRewritingStream"/> so the file carries the PDF/A-3b XMP packet.</summary>
    private Stream SaveThrough(PdfDocument document, Stream output)
    {
        var xmp = Xmp(document);
        return new XmpRewritingStream(output, () => xmp.Packet(document.Info.Producer));
    }

    private static void EnsureRewritten(Stream stream)
    {
        if (stream is XmpRewritingStream { Replaced: false })
        {
            throw new InvalidOperationException("PDFsharp wrote no XMP packet for the certificate to replace.");
        }
    }

    private byte[] SaveArchival(PdfDocument document)
    {
        return CertificateBuffer.Write(output =>
        {
            var through = SaveThrough(document, output);
            document.Save(through, closeStream: false);
            EnsureRewritten(through);
        });
    }
}
