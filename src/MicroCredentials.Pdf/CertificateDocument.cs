using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using MicroCredentials.Model;
using MicroCredentials.Pdf.Layout;
using MicroCredentials.Pdf.Signing;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace MicroCredentials.Pdf;

/// <summary>
/// The graduate's certificate: an A4 landscape front page (institution, learner, title, ECTS, EQF level, result,
/// date, statement, signatory, QR code) and a details page (learning outcomes and the other EU Annex I elements),
/// with the signed credential embedded. One class built from a <see cref="CertificateModel"/>, composed of small
/// <c>Compose…</c> methods with named text styles, in the shape of a QuestPDF document.
/// </summary>
public sealed partial class CertificateDocument
{
    private const double PageWidth = 842; // A4 landscape, points
    private const double PageHeight = 595;
    private const double Margin = 62;

    private readonly CertificateModel _model;
    private readonly OpenBadgeCredential _credential;
    private readonly CertificateLabels _labels;
    private readonly CertificateFacts _facts;
    private readonly bool _demo;
    private StructureBuilder _tags = null!;

    /// <summary>Reads the credential of <paramref name="model"/>; nothing is rendered yet.</summary>
    /// <exception cref="ArgumentException">
    /// The credential JSON cannot be read or names no learner, or the verification URL does not end in
    /// <c>/v/&lt;credential handle&gt;</c>.
    /// </exception>
    public CertificateDocument(CertificateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.CredentialJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.CredentialHandle);
        ArgumentException.ThrowIfNullOrWhiteSpace(model.ShortCode);
        ArgumentNullException.ThrowIfNull(model.VerificationUrl);
        if (!model.VerificationUrl.IsAbsoluteUri
            || !model.VerificationUrl.AbsolutePath.EndsWith("/v/" + model.CredentialHandle, StringComparison.Ordinal))
        {
            throw new ArgumentException("The verification URL must be absolute and end in /v/<credential handle>.", nameof(model));
        }
        _model = model;
        try
        {
            _credential = Model.CredentialJson.Deserialize(model.CredentialJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The credential JSON is not an OpenBadgeCredential.", nameof(model), e);
        }
        _labels = CertificateLabels.For(model.Language);
        _facts = CertificateFacts.From(_credential, _labels);
        _demo = model.Preview || Keys.DemoKeys.SignsCredential(model.CredentialJson);
    }

    /// <summary>
    /// The mark drawn across the top of every page when the credential is signed with a published demo key
    /// (<see cref="Keys.DemoKeys"/>): one text run, exactly this text, in white on a red band above everything else.
    /// </summary>
    public const string DemoMark = "DEMO — not a valid certificate";

    /// <summary>The mark on every page of a catalogue preview (<see cref="CertificateModel.Preview"/>), drawn like <see cref="DemoMark"/>.</summary>
    public const string PreviewMark = "PREVIEW — not a certificate";

    /// <summary>True when the certificate carries <see cref="DemoMark"/> (its credential is signed with a demo key).</summary>
    public bool IsDemo => _demo;

    /// <summary>Renders the certificate without a PDF signature.</summary>
    public byte[] GeneratePdf()
    {
        using var document = Compose();
        return SaveArchival(document);
    }

    /// <summary>
    /// Renders the certificate and seals it in the same pass with <paramref name="seal"/> (see <see cref="PdfSealSigner"/>).
    /// </summary>
    /// <param name="seal">The issuer's seal certificate with its private key.</param>
    /// <param name="signingTime">The signing-time attribute (from the caller's clock).</param>
    public byte[] GenerateSignedPdf(X509Certificate2 seal, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(seal);
        using var document = Compose();
        return PdfSealSigner.SignDocument(document, seal, signingTime, $"Issued by {_facts.Institution}",
            output => SaveThrough(document, output), EnsureRewritten);
    }

    private PdfDocument Compose()
    {
        CertificateFontResolver.EnsureRegistered();
        var document = new PdfDocument();
        document.Info.Title = $"{_labels.Heading} – {_facts.Title} – {_facts.LearnerName}";
        document.Info.Author = _facts.Institution;
        document.Info.Subject = _facts.Title;
        document.Info.Creator = "MicroCredentials";
        // The paper is dated by the credential, not by the machine that happened to render it.
        document.Info.CreationDate = _credential.ValidFrom.UtcDateTime;
        document.Info.ModificationDate = _credential.ValidFrom.UtcDateTime;
        document.Options.CompressContentStreams = true;
        // Fastest deflate: a certificate is ~100 KB either way, and saving is most of the rendering time.
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        _tags = PrepareArchival(document);
        ShapedDrawing.Attach(document);

        using (var front = AddPage(document))
        {
            ComposeFrontPage(front);
            ComposeDemoMark(front);
        }
        using (var details = AddPage(document))
        {
            ComposeDetailsPage(details);
            ComposeDemoMark(details);
        }
        ComposeAttachments(document);
        return document;
    }

    // Drawn last on each page, in the top margin where nothing else is printed, so it is separate from the certificate text.
    private void ComposeDemoMark(XGraphics gfx)
    {
        if (!_demo)
        {
            return;
        }

        using (Artifact())
        {
            gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xB0, 0x00, 0x20)), 0, 0, PageWidth, DemoBandHeight);
        }
        using (Element(PdfBlockLevelElementTag.Paragraph))
        {
            var style = new TextStyle(CertificateFontResolver.Sans, 10, XFontStyleEx.Bold, XColors.White);
            gfx.DrawString(_model.Preview ? PreviewMark : DemoMark, style.Font(), style.Brush(), new XRect(0, 0, PageWidth, DemoBandHeight), XStringFormats.Center);
        }
    }

    private const double DemoBandHeight = 17; // above the navy frame (drawn at 18 pt)

    private static XGraphics AddPage(PdfDocument document)
    {
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        // PDF/UA-1 §7.18.3: pages with annotations (the seal's signature field) use structure order for tabbing.
        page.Elements.SetName("/Tabs", "/S");
        return XGraphics.FromPdfPage(page);
    }

    private void ComposeAttachments(PdfDocument document)
    {
        var files = new List<PdfAttachments.Attachment>
        {
            new(CertificateFiles.CredentialJsonName, Encoding.UTF8.GetBytes(_model.CredentialJson),
                CertificateFiles.CredentialJsonMediaType,
                "Signed Open Badges 3.0 credential (Data Integrity proof) that this certificate presents", "Source"),
        };
        if (_model.CredentialJwt is { Length: > 0 } jwt)
        {
            files.Add(new(CertificateFiles.CredentialJwtName, Encoding.ASCII.GetBytes(jwt),
                CertificateFiles.CredentialJwtMediaType, "The same credential as a VC-JWT", "Alternative"));
        }
        PdfAttachments.Embed(document, files, _credential.ValidFrom);
    }
}
