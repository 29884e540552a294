using System.Text;
using MicroCredentials.Verification;
using PdfSharp.Drawing;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// The document verdict of an uploaded PDF (issue 10, point 5): only our seal over the whole file makes a PDF the
/// original certificate; every forgery of a graduate's genuine credential (real mark 15/20) gets a non-green verdict.
/// </summary>
[NonParallelizable]
public sealed class DocumentVerdictTests
{
    private GenuineCertificates _genuine = null!;

    [OneTimeSetUp]
    public void SetUp() => _genuine = new GenuineCertificates();

    [OneTimeTearDown]
    public void TearDown() => _genuine.Dispose();

    [Test]
    public async Task Verify_OurSealedCertificate_IsValidWithSealAndTextPassing()
    {
        var report = await _genuine.VerifyAsync(_genuine.Original());

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid), Describe(report));
        Assert.That(report.Verified, Is.True);
        Assert.That(Outcome(report, CheckId.PdfSignature), Is.EqualTo(CheckOutcome.Pass));
        Assert.That(Outcome(report, CheckId.PrintedText), Is.EqualTo(CheckOutcome.Pass));
    }

    [Test]
    public async Task Verify_UnsealedCopyOfOurLayout_IsDocumentNotOriginal()
    {
        var report = await _genuine.VerifyAsync(_genuine.Unsealed());

        Assert.That(report.Verdict, Is.EqualTo(Verdict.DocumentNotOriginal), Describe(report));
        Assert.That(report.Verified, Is.False);
        Assert.That(Check(report, CheckId.PdfSignature), Has.Property("Outcome").EqualTo(CheckOutcome.Fail)
            .And.Property("Detail").Contains("not the certificate the institution issued"));
        Assert.That(Outcome(report, CheckId.PrintedText), Is.EqualTo(CheckOutcome.Pass));
    }

    [Test]
    public async Task Verify_UnsealedWithFinalMarkTwentyPrinted_IsNotGenuine()
    {
        var forged = GenuineCertificates.WithText(_genuine.Unsealed(), "Final mark 20/20 – summa cum laude", 14, XColors.Black);

        var report = await _genuine.VerifyAsync(forged);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine), Describe(report));
        Assert.That(Check(report, CheckId.PrintedText), Has.Property("Outcome").EqualTo(CheckOutcome.Fail)
            .And.Property("Detail").Contains("Final"));
        Assert.That(Outcome(report, CheckId.Proof), Is.EqualTo(CheckOutcome.Pass), "the credential inside is still genuine");
    }

    [Test]
    public async Task Verify_SelfMadePdfPrintingTheRealFactsAndAFakeMark_IsNotGenuine()
    {
        // The forgery: name, title and ECTS are there, plus a mark the graduate never got.
        var forged = _genuine.SelfMade(
            ("Certificate", 28, XColors.Black), (TestCredentials.LearnerName, 22, XColors.Black), (TestCredentials.TitleEn, 18, XColors.Black),
            ("6 ECTS", 12, XColors.Black), ("Final mark 20/20 – summa cum laude", 12, XColors.Black));

        var report = await _genuine.VerifyAsync(forged);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine), Describe(report));
        Assert.That(Outcome(report, CheckId.PdfSignature), Is.EqualTo(CheckOutcome.Fail));
        Assert.That(Outcome(report, CheckId.PrintedText), Is.EqualTo(CheckOutcome.Fail));
    }

    [Test]
    public async Task Verify_BigForgerNameWithRealNameInOnePointWhite_IsNotGenuineAndNameIllegible()
    {
        var forged = _genuine.SelfMade(("Dr. Mallory Forger", 30, XColors.Black), (TestCredentials.LearnerName, 1, XColors.White),
            (TestCredentials.TitleEn, 18, XColors.Black), ("6 ECTS", 12, XColors.Black));

        var report = await _genuine.VerifyAsync(forged);
        var read = CertificateReader.Read(forged);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine), Describe(report));
        Assert.That(read.Mismatches, Does.Contain("name"));
        Assert.That(Check(report, CheckId.PrintedText)!.Detail, Does.Contain("name"));
    }

    [Test]
    public async Task Verify_ExtraTinyWhiteTextOnOurLayout_IsNotGenuine()
    {
        var forged = GenuineCertificates.WithText(_genuine.Unsealed(), "summa cum laude", 1, XColors.White);

        var report = await _genuine.VerifyAsync(forged);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine), Describe(report));
        Assert.That(Check(report, CheckId.PrintedText)!.Detail, Does.Contain("summa"));
    }

    [Test]
    public async Task Verify_SealedWithForeignSelfMadeCertificate_IsDocumentNotOriginal()
    {
        using var foreign = GenuineCertificates.ForeignSeal();
        var pdf = new CertificateDocument(_genuine.Model(_genuine.Json, _genuine.Jwt)).GenerateSignedPdf(foreign, CertificateFixture.SigningTime);

        var report = await _genuine.VerifyAsync(pdf);

        Assert.That(CertificateReader.Read(pdf).Verdict, Is.EqualTo(CertificateVerdict.SignatureValid), "the foreign seal itself verifies");
        Assert.That(report.Verdict, Is.EqualTo(Verdict.DocumentNotOriginal), Describe(report));
        Assert.That(Check(report, CheckId.PdfSignature), Has.Property("Reason").EqualTo(VerificationReasons.UnknownKey));
    }

    [Test]
    public async Task Verify_SealedWithForeignCertificateAndFakeMark_IsNotGenuine()
    {
        using var foreign = GenuineCertificates.ForeignSeal();
        var forgedCredential = TestCredentials.Credential(grade: "20");
        // Laid out from a credential with mark 20, then the genuine credential (mark 15) attached in its place, then sealed.
        var laidOut = new CertificateDocument(_genuine.Model(_genuine.Sign(forgedCredential))).GeneratePdf();
        var swapped = GenuineCertificates.WithAttachments(laidOut, (CertificateFiles.CredentialJsonName, _genuine.Json));
        var pdf = PdfSealSigner.Sign(swapped, foreign, CertificateFixture.SigningTime);

        var report = await _genuine.VerifyAsync(pdf);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine), Describe(report));
        Assert.That(Check(report, CheckId.PrintedText)!.Detail, Does.Contain("20/20").And.Contain("15/20"));
    }

    [Test]
    public async Task Verify_OurSealedPdfWithIncrementalUpdateAddingText_IsNotGenuine()
    {
        var updated = IncrementalUpdate.AppendText(_genuine.Original(), "Final mark 20/20 – summa cum laude");

        var report = await _genuine.VerifyAsync(updated);

        Assert.That(CertificateReader.Read(updated).Verdict, Is.EqualTo(CertificateVerdict.SignatureInvalid));
        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine), Describe(report));
        Assert.That(Check(report, CheckId.PdfSignature)!.Detail, Does.Contain("changed after"));
        Assert.That(Check(report, CheckId.PrintedText)!.Detail, Does.Contain("Final"));
    }

    [Test]
    public async Task Verify_OurSealedPdfWithHarmlessIncrementalUpdate_IsDocumentNotOriginal()
    {
        var updated = IncrementalUpdate.AppendText(_genuine.Original(), text: null);

        var report = await _genuine.VerifyAsync(updated);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.DocumentNotOriginal), Describe(report));
    }

    [Test]
    public async Task Verify_JwtOnlyAttachmentWithChangedGradePrinted_IsNotGenuine()
    {
        // Laid out from a credential with mark 20; only the genuine JWT (mark 15) attached.
        var laidOut = new CertificateDocument(_genuine.Model(_genuine.Sign(TestCredentials.Credential(grade: "20")))).GeneratePdf();
        var pdf = GenuineCertificates.WithAttachments(laidOut, (CertificateFiles.CredentialJwtName, _genuine.Jwt));

        var read = CertificateReader.Read(pdf);
        var report = await _genuine.VerifyAsync(pdf);

        Assert.That(read.CredentialJson, Is.Null);
        Assert.That(read.CredentialJwt, Is.EqualTo(_genuine.Jwt));
        Assert.That(read.Mismatches, Does.Contain("grade"));
        Assert.That(report.Verdict, Is.EqualTo(Verdict.NotGenuine), Describe(report));
    }

    [Test]
    public async Task Verify_JwtOnlyAttachmentOnOurLayout_IsDocumentNotOriginal()
    {
        var pdf = GenuineCertificates.WithAttachments(_genuine.Unsealed(), (CertificateFiles.CredentialJwtName, _genuine.Jwt));

        var report = await _genuine.VerifyAsync(pdf);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.DocumentNotOriginal), Describe(report));
        Assert.That(Outcome(report, CheckId.PrintedText), Is.EqualTo(CheckOutcome.Pass));
    }

    [Test]
    public async Task Verify_WithoutOurSealCertificate_NoPdfIsTheOriginal()
    {
        var report = await CertificateVerification.VerifyAsync(_genuine.Verifier, _genuine.Original(), sealCertificate: null, null, CancellationToken.None);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.DocumentNotOriginal), Describe(report));
    }

    [Test]
    public async Task Verify_AttachmentBomb_IsUnreadableWithReason()
    {
        var report = await _genuine.VerifyAsync(HandmadePdf.Build(attachment: HandmadePdf.Deflated(64L * 1024 * 1024, "{")));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.Checks.Single().Detail, Does.Contain("limits").And.Contain("decompression bomb"));
    }

    private static VerificationCheck? Check(VerificationReport report, CheckId id) => report.Checks.SingleOrDefault(c => c.Id == id);

    private static CheckOutcome? Outcome(VerificationReport report, CheckId id) => Check(report, id)?.Outcome;

    private static string Describe(VerificationReport report) =>
        report.Verdict + ": " + string.Join(" | ", report.Checks.Select(c => $"{c.Id} {c.Outcome} {c.Detail}"));
}
