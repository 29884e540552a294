using UglyToad.PdfPig;

namespace MicroCredentials.Cli.Tests;

[TestFixture]
public sealed class PdfLanguageTests
{
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [TestCase("en", "Certificate", "Data Science for Healthcare")]
    [TestCase("nl", "Certificaat", "Data science voor de gezondheidszorg")]
    [TestCase("fr", "Nous certifions que", "directrice académique de Nova Academy")]
    public async Task Issue_Lang_PdfInThatLanguage(string lang, string heading, string title)
    {
        using var ws = new Workspace();
        var learners = ws.Write("one.csv", "email;name;code;awarded;grade;start;end\nan.peeters@example.be;An Peeters;MC-DSH;2026-02-06;15;2025-09-22;2026-01-23\n");

        var run = await ws.IssueAsync(learners, "--lang", lang);

        Assert.That(run.ExitCode, Is.EqualTo(CliApp.Ok), run.ToString());
        var pdf = Path.ChangeExtension(ws.CredentialJsonFiles().Single(), ".pdf");
        using var document = PdfDocument.Open(pdf);
        var text = Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.That(text, Does.Contain(Squeeze(heading)).IgnoreCase);
        Assert.That(text, Does.Contain(Squeeze(title)).IgnoreCase);
    }
}
