using MicroCredentials.Catalog;
using MicroCredentials.Verification;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Issue 13 point 1: the scripts the certificate fonts draw print exactly as signed and verify as genuine; the check
/// that refuses the others at issue (<see cref="CertificateCharacters"/>) agrees with the fonts' character maps.
/// </summary>
public sealed class CertificateScriptTests
{
    private GenuineCertificates _genuine = null!;

    [OneTimeSetUp]
    public void SetUp() => _genuine = new GenuineCertificates();

    [OneTimeTearDown]
    public void TearDown() => _genuine.Dispose();

    private static readonly string[] FontFiles = ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf"];

    private static IEnumerable<byte[]> Fonts() =>
        FontFiles.Select(f => File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "MicroCredentials.Pdf", "Fonts", f)));

    [Test]
    public void DrawableRanges_AgreeWithEveryCertificateFont()
    {
        var fonts = Fonts().ToList();
        foreach (var (first, last) in CertificateCharacters.DrawableRanges)
        {
            for (var c = first; c <= last; c++)
            {
                Assert.That(fonts.All(f => TrueTypeCmap.HasGlyph(f, (char)c)), Is.True, $"U+{c:X4} is called drawable");
            }
            // Just outside a range some font lacks the character (else the range would be longer).
            foreach (var outside in new[] { first - 1, last + 1 }.Where(c => c is > 0x20 and < 0xFFFF && !CertificateCharacters.CanDraw(new System.Text.Rune(c))))
            {
                Assert.That(fonts.Any(f => !TrueTypeCmap.HasGlyph(f, (char)outside)), Is.True, $"U+{outside:X4} is refused but every font has it");
            }
        }
        foreach (var refused in new[] { '王', 'م', 'א', 'अ', 'ก', '김', 'や' })
        {
            Assert.That(fonts.All(f => !TrueTypeCmap.HasGlyph(f, refused)), Is.True, $"{refused} would be refused although drawn");
        }
    }

    [TestCase("Νικόλαος Παπαδόπουλος", TestName = "Greek name printed exactly and genuine")]
    [TestCase("Анна Сергеевна Иванова", TestName = "Cyrillic name printed exactly and genuine")]
    [TestCase("Nguyễn Thị Ánh", TestName = "Vietnamese name printed exactly and genuine")]
    [TestCase("Łukasz Żółć-Øster", TestName = "Polish/Danish name printed exactly and genuine")]
    public async Task DrawableScript_PdftotextReturnsTheName_AndVerifiesAsGenuine(string name)
    {
        Assert.That(CertificateCharacters.Problem(name, "the name"), Is.Null);
        var json = _genuine.Sign(TestCredentials.Credential(learnerName: name));
        var pdf = new CertificateDocument(_genuine.Model(json)).GenerateSignedPdf(_genuine.Seal, CertificateFixture.SigningTime);

        var text = await ExternalTool.RunAsync("pdftotext", "-f", "1", "-l", "1", CertificateFixture.WriteTemp(pdf), "-");
        Assert.That(text.ExitCode, Is.EqualTo(0), text.All);
        Assert.That(text.StdOut.Split('\n').Select(l => l.Trim()), Does.Contain(name));

        var report = await _genuine.VerifyAsync(pdf);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid), string.Join("; ", report.Checks.Select(c => $"{c.Id}: {c.Outcome} {c.Detail}")));
    }
}
