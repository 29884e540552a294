using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MicroCredentials.DataIntegrity;
using MicroCredentials.Jwt;
using MicroCredentials.Keys;
using MicroCredentials.Model;
using MicroCredentials.Pdf.Layout;
using MicroCredentials.Status;
using MicroCredentials.Verification;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// A graduate's genuine credential (signed with the demo issuer keys, real mark 15/20), the verifier that checks it,
/// and the forger's tools: re-saving a PDF with extra text, swapping its attachments, sealing with a self-made certificate.
/// </summary>
internal sealed class GenuineCertificates : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 7, 15, 12, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();

    public GenuineCertificates()
    {
        Keys = IssuerKeySet.Load(IssuerKeyOptions.ForDirectory(Path.Combine(RepositoryPaths.Root, "keys.example"), "demo"),
            "did:web:credentials.nova-academy.be");
        var time = new FixedTime(Now);
        var checker = new StatusChecker(new StatusListClient(_http, time), StatusListProof.Verifier(Keys), time);
        Verifier = new CredentialVerifier(Keys.DataIntegrityKeyResolver, Keys.JwtKeyResolver, checker, time);
        Json = Sign(TestCredentials.Credential(grade: "15"));
        Jwt = VcJwtSigner.Sign(JsonNode.Parse(Json)!.AsObject(), Keys.Es256);
    }

    public IssuerKeySet Keys { get; }

    public CredentialVerifier Verifier { get; }

    /// <summary>The signed credential JSON (mark 15).</summary>
    public string Json { get; }

    /// <summary>The same credential as a VC-JWT.</summary>
    public string Jwt { get; }

    public X509Certificate2 Seal => Keys.SealCertificate!;

    /// <summary>Signs <paramref name="credential"/> with the issuer's Ed25519 key.</summary>
    public string Sign(OpenBadgeCredential credential)
    {
        // TestCredentials carries a placeholder proof block; sign the credential without it.
        var unsigned = CredentialJson.ToJsonObject(credential);
        unsigned.Remove("proof");
        return DataIntegritySigner.Sign(unsigned, Keys.Ed25519Key, Keys.VerificationMethodId, Now.AddDays(-15)).ToJsonString();
    }

    public CertificateModel Model(string json, string? jwt = null) => TestCredentials.Model() with { CredentialJson = json, CredentialJwt = jwt };

    /// <summary>Our certificate, sealed with our seal (the original).</summary>
    public byte[] Original() => new CertificateDocument(Model(Json, Jwt)).GenerateSignedPdf(Seal, CertificateFixture.SigningTime);

    /// <summary>Our layout, not sealed.</summary>
    public byte[] Unsealed(string? json = null) => new CertificateDocument(Model(json ?? Json, Jwt)).GeneratePdf();

    public Task<VerificationReport> VerifyAsync(byte[] pdf) =>
        CertificateVerification.VerifyAsync(Verifier, pdf, Seal, localList: null, CancellationToken.None);

    /// <summary>A self-signed certificate someone made to seal a forgery.</summary>
    public static X509Certificate2 ForeignSeal()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Nova Academy, O=Nova Academy", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Re-saves <paramref name="pdf"/> with <paramref name="text"/> drawn on page 1 (size, colour) — the forger's edit.</summary>
    public static byte[] WithText(byte[] pdf, string text, double size, XColor colour, double x = 300, double y = 420)
    {
        CertificateFontResolver.EnsureRegistered();
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        using (var gfx = XGraphics.FromPdfPage(document.Pages[0], XGraphicsPdfPageOptions.Append))
        {
            gfx.DrawString(text, new XFont(CertificateFontResolver.Serif, size), new XSolidBrush(colour), x, y);
        }
        return Save(document);
    }

    /// <summary>Re-saves <paramref name="pdf"/> with only <paramref name="files"/> attached.</summary>
    public static byte[] WithAttachments(byte[] pdf, params (string Name, string Content)[] files)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        PdfAttachments.Embed(document, files.Select(f => new PdfAttachments.Attachment(f.Name, Encoding.UTF8.GetBytes(f.Content),
            "application/octet-stream", "credential", "Source")), CertificateFixture.SigningTime);
        return Save(document);
    }

    /// <summary>A page made from scratch: each line drawn at its size and colour, the credential JSON attached.</summary>
    public byte[] SelfMade(params (string Text, double Size, XColor Colour)[] lines)
    {
        CertificateFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(842);
        page.Height = XUnit.FromPoint(595);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var y = 60.0;
            foreach (var (text, size, colour) in lines)
            {
                y += size * 1.3;
                gfx.DrawString(text, new XFont(CertificateFontResolver.Serif, size), new XSolidBrush(colour), 60, y);
            }
        }
        PdfAttachments.Embed(document, [new(CertificateFiles.CredentialJsonName, Encoding.UTF8.GetBytes(Json), CertificateFiles.CredentialJsonMediaType, "credential", "Source")],
            CertificateFixture.SigningTime);
        return Save(document);
    }

    public void Dispose()
    {
        Keys.Dispose();
        _http.Dispose();
    }

    private static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
