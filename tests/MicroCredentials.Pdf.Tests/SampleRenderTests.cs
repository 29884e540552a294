namespace MicroCredentials.Pdf.Tests;

public sealed class SampleRenderTests
{
    [Test]
    public void Render_Samples_WritesFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mc-pdf-samples");
        Directory.CreateDirectory(folder);
        using var seal = RepositoryPaths.DemoSeal();
        foreach (var language in new[] { CertificateLanguage.English, CertificateLanguage.Dutch })
        {
            var pdf = new CertificateDocument(TestCredentials.Model(language)).GenerateSignedPdf(seal, new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.Zero));
            File.WriteAllBytes(Path.Combine(folder, $"certificate-{language}.pdf"), pdf);
        }
        Assert.That(Directory.GetFiles(folder), Is.Not.Empty);
    }
}
