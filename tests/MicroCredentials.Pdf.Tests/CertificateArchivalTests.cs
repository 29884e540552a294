using System.Text;
using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Issue 13 point 2: the sealed certificate states and meets what PDF/A-3b (ISO 19005-3) asks that can be checked
/// without a validator — read back with poppler's pdfinfo/pdffonts, qpdf and PdfPig, not with the library that wrote it.
/// </summary>
public sealed class CertificateArchivalTests
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";

    private static async Task<(XDocument Xmp, Dictionary<string, string> Info)> MetadataAsync(byte[] pdf)
    {
        var path = CertificateFixture.WriteTemp(pdf);
        var meta = await ExternalTool.RunAsync("pdfinfo", "-meta", path);
        Assert.That(meta.ExitCode, Is.EqualTo(0), meta.All);
        var info = await ExternalTool.RunAsync("pdfinfo", "-isodates", path);
        var fields = info.StdOut.Split('\n').Where(l => l.Contains(':', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
        // The packet must be well-formed XML (PDFsharp's own template did not escape '&' or '<').
        return (XDocument.Parse(meta.StdOut.Trim()), fields);
    }

    private static string Value(XDocument xmp, XName property) =>
        xmp.Descendants(property).Single().DescendantsAndSelf().Last().Value;

    [TestCase(CertificateLanguage.English, "en", TestName = "XMP: PDF/A-3b identification and Info values (English)")]
    [TestCase(CertificateLanguage.Dutch, "nl", TestName = "XMP: PDF/A-3b identification and Info values (Dutch)")]
    [TestCase(CertificateLanguage.French, "fr", TestName = "XMP: PDF/A-3b identification and Info values (French)")]
    public async Task Xmp_IdentifiesPdfA3b_AndEqualsTheInfoDictionary(CertificateLanguage language, string tag)
    {
        var pdf = CertificateFixture.Signed(language);
        var (xmp, info) = await MetadataAsync(pdf);

        Assert.That(Value(xmp, PdfAId + "part"), Is.EqualTo("3"));
        Assert.That(Value(xmp, PdfAId + "conformance"), Is.EqualTo("B"));
        Assert.That(Value(xmp, Dc + "language"), Is.EqualTo(tag));
        // ISO 19005-3 §6.6.2.3.1: Info entries and their XMP equivalents agree.
        Assert.That(Value(xmp, Dc + "title"), Is.EqualTo(info["Title"]));
        Assert.That(Value(xmp, Dc + "title"), Does.Contain(TestCredentials.LearnerName));
        Assert.That(Value(xmp, Dc + "creator"), Is.EqualTo(info["Author"]).And.EqualTo("Nova Academy"));
        Assert.That(Value(xmp, Dc + "description"), Is.EqualTo(info["Subject"]));
        Assert.That(Value(xmp, Xmp + "CreatorTool"), Is.EqualTo(info["Creator"]));
        Assert.That(Value(xmp, Pdf + "Producer"), Is.EqualTo(info["Producer"]));
        Assert.That(DateTimeOffset.Parse(Value(xmp, Xmp + "CreateDate"), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(DateTimeOffset.Parse(info["CreationDate"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(DateTimeOffset.Parse(Value(xmp, Xmp + "ModifyDate"), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(DateTimeOffset.Parse(info["ModDate"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(xmp.Root!.Descendants(Rdf + "Description").Count(), Is.GreaterThanOrEqualTo(4));
        Assert.That(info["PDF version"], Is.EqualTo("1.7"));
    }

    [Test]
    public async Task Xmp_EscapesMarkupInTheName_AndStaysWellFormed()
    {
        const string name = "Tom & Jerry <de Vries>";
        var pdf = CertificateFixture.Signed(TestCredentials.Credential(learnerName: name));
        var (xmp, info) = await MetadataAsync(pdf);
        Assert.That(Value(xmp, Dc + "title"), Does.Contain(name).And.EqualTo(info["Title"]));
    }

    [Test]
    public void Structure_HasOutputIntent_UnfilteredMetadata_AssociatedFiles_NoEncryptionOrJavaScript()
    {
        var pdf = CertificateFixture.Signed(CertificateLanguage.English);
        using var document = PdfDocument.Open(pdf);
        var objects = new PdfObjects(document);
        var catalog = objects.Catalog;

        // §6.2.3: an output intent with an embedded ICC profile (RGB, since the page uses DeviceRGB).
        var intent = (DictionaryToken)objects.Array(catalog, "OutputIntents").Single();
        Assert.That(objects.Name(intent, "S"), Is.EqualTo("GTS_PDFA1"));
        Assert.That(objects.Text(intent, "OutputConditionIdentifier"), Is.Not.Empty);
        var profile = (StreamToken)objects.Get(intent, "DestOutputProfile")!;
        var icc = PdfObjects.Decoded(profile);
        Assert.That(Encoding.ASCII.GetString(icc, 36, 4), Is.EqualTo("acsp"), "ICC signature");
        Assert.That(Encoding.ASCII.GetString(icc, 16, 4), Is.EqualTo("RGB "), "ICC colour space");
        Assert.That(((NumericToken)objects.Get(profile.StreamDictionary, "N")!).Int, Is.EqualTo(3));

        // §6.6.2.1: the metadata stream is XML and not filtered.
        var metadata = (StreamToken)objects.Get(catalog, "Metadata")!;
        Assert.That(objects.Name(metadata.StreamDictionary, "Subtype"), Is.EqualTo("XML"));
        Assert.That(metadata.StreamDictionary.Data.ContainsKey("Filter"), Is.False);

        // §6.8: each embedded file is an associated file with a relationship, a MIME type and a modification date.
        var associated = objects.Array(catalog, "AF").Cast<DictionaryToken>().ToList();
        Assert.That(associated.Select(a => objects.Text(a, "F")), Is.EquivalentTo(new[] { "credential.json", "credential.jwt" }));
        foreach (var file in associated)
        {
            Assert.That(objects.Name(file, "AFRelationship"), Is.AnyOf("Source", "Alternative"));
            var stream = (StreamToken)objects.Get(objects.Dictionary(file, "EF")!, "F")!;
            Assert.That(objects.Name(stream.StreamDictionary, "Subtype"), Does.StartWith("application/").Or.StartWith("text/"));
            Assert.That(objects.Dictionary(stream.StreamDictionary, "Params")!.Data.ContainsKey("ModDate"), Is.True);
        }

        // §6.1.3, §6.6.1: no encryption, no JavaScript.
        Assert.That(document.Structure.Trailer.EncryptionToken, Is.Null);
        var text = Encoding.Latin1.GetString(pdf);
        Assert.That(text, Does.Not.Contain("/JavaScript").And.Not.Contain("/JS ").And.Not.Contain("/Encrypt"));
        // §6.1.2: a binary comment follows the header.
        Assert.That(pdf.Skip(9).Take(5).Count(b => b > 127), Is.GreaterThanOrEqualTo(4));
    }

    [Test]
    public async Task Fonts_AreAllEmbedded_WithUnicodeMaps()
    {
        var path = CertificateFixture.WriteTemp(CertificateFixture.Signed(CertificateLanguage.French));
        var fonts = await ExternalTool.RunAsync("pdffonts", path);
        Assert.That(fonts.ExitCode, Is.EqualTo(0), fonts.All);
        var rows = fonts.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.That(rows, Is.Not.Empty);
        foreach (var row in rows)
        {
            // Columns: name type encoding emb sub uni object id — §6.2.11.4 (embedded) and §6.2.11.7 (ToUnicode).
            var columns = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(columns[^5..^2], Is.EqualTo(new[] { "yes", "yes", "yes" }), row);
        }
    }

    [Test]
    public async Task Qpdf_FindsTheFileSound_AndNotEncrypted()
    {
        var path = CertificateFixture.WriteTemp(CertificateFixture.Signed(CertificateLanguage.Dutch));
        var check = await ExternalTool.RunAsync("qpdf", "--check", path);
        // qpdf exits 3 on PDFsharp's Flate streams ("input stream is complete but output may still be valid"): warnings only.
        Assert.That(check.ExitCode, Is.AnyOf(0, 3), check.All);
        Assert.That(check.StdOut, Does.Contain("File is not encrypted").And.Contain("PDF Version: 1.7"));
        var problems = check.All.Split('\n').Where(l => l.Length > 0 && !l.Contains("input stream is complete", StringComparison.Ordinal)
            && !l.StartsWith("checking ", StringComparison.Ordinal) && !l.StartsWith("PDF Version", StringComparison.Ordinal)
            && !l.StartsWith("File is not", StringComparison.Ordinal) && !l.Contains("succeeded with warnings", StringComparison.Ordinal)
            && !l.Contains("No syntax or stream encoding errors", StringComparison.Ordinal));
        Assert.That(problems, Is.Empty);
    }
}
