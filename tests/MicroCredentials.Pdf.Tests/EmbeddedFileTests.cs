using System.Text;

namespace MicroCredentials.Pdf.Tests;

public sealed class EmbeddedFileTests
{
    [Test]
    public async Task GeneratePdf_Pdfdetach_ExtractsCredentialFilesByteIdentical()
    {
        var path = CertificateFixture.WriteTemp(CertificateFixture.Signed(CertificateLanguage.English));
        var folder = Path.GetDirectoryName(path)!;

        var detach = await ExternalTool.RunAsync("pdfdetach", "-saveall", "-o", folder, path);

        Assert.That(detach.ExitCode, Is.Zero, detach.All);
        Assert.That(File.ReadAllBytes(Path.Combine(folder, CertificateFiles.CredentialJsonName)), Is.EqualTo(Encoding.UTF8.GetBytes(TestCredentials.Json())));
        Assert.That(File.ReadAllBytes(Path.Combine(folder, CertificateFiles.CredentialJwtName)), Is.EqualTo(Encoding.ASCII.GetBytes(TestCredentials.Jwt)));
    }

    [Test]
    public void GeneratePdf_EmbeddedFiles_CarryMimeSubtypeAndRelationship()
    {
        var raw = Encoding.Latin1.GetString(CertificateFixture.Signed(CertificateLanguage.English));

        Assert.That(raw, Does.Contain("/Subtype/application#2Fvc+ld+json"));
        Assert.That(raw, Does.Contain("/Subtype/application#2Fvc+jwt"));
        Assert.That(raw, Does.Contain("/AFRelationship/Source"));
        Assert.That(raw, Does.Contain("/AFRelationship/Alternative"));
        Assert.That(raw, Does.Contain("/AF["));
    }

    [Test]
    public void Read_SignedCertificate_ReturnsEmbeddedCredentialAndJwt()
    {
        var result = CertificateReader.Read(CertificateFixture.Signed(CertificateLanguage.Dutch));

        Assert.That(result.CredentialJson, Is.EqualTo(TestCredentials.Json()));
        Assert.That(result.CredentialJwt, Is.EqualTo(TestCredentials.Jwt));
    }

    [Test]
    public void Read_NoJwtInModel_ReturnsOnlyJson()
    {
        var pdf = CertificateFixture.Signed(TestCredentials.Model() with { CredentialJwt = null });

        var result = CertificateReader.Read(pdf);

        Assert.That((result.CredentialJson is not null, result.CredentialJwt), Is.EqualTo((true, (string?)null)));
    }
}
