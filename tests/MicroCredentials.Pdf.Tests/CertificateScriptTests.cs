using MicroCredentials.Catalog;
using MicroCredentials.Verification;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Issue 13 point 1: the scripts the certificate fonts draw print exactly as signed and verify as genuine; the check
/// that refuses the others at issue (<see cref="CertificateCharacters"/>) agrees with the fonts' character maps.
/// </summary>
public sealed partial class CertificateScriptTests
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
        foreach (var fallback in new[] { '王', 'م', 'א', 'ก', '김', 'や' })
        {
            Assert.That(fonts.All(f => !TrueTypeCmap.HasGlyph(f, fallback)), Is.True, $"{fallback} is drawn by the own faces, not a fallback");
        }
    }

    private static readonly Dictionary<string, string[]> FallbackFonts = new()
    {
        ["Hebrew"] = ["NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"],
        ["Arabic"] = ["NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"],
        ["Thai"] = ["NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"],
        ["CJK"] = ["DroidSansFallback-Cjk.ttf"],
        ["Hangul"] = ["MCHangul-Regular.ttf"],
    };

    [Test]
    public void FallbackRanges_AreInEveryFaceOfTheirScript_AndDrawnByIt()
    {
        Assert.That(CertificateCharacters.FallbackRanges.Keys, Is.EquivalentTo(FallbackFonts.Keys.Concat(IndicFonts.Keys)));
        foreach (var (script, ranges) in CertificateCharacters.FallbackRanges)
        {
            var fonts = (FallbackFonts.GetValueOrDefault(script) ?? IndicFonts[script]).Select(f => File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "MicroCredentials.Pdf", "Fonts", f))).ToList();
            foreach (var (first, last) in ranges)
            {
                for (var c = first; c <= last; c++)
                {
                    Assert.That(fonts.All(f => TrueTypeCmap.HasGlyph(f, (char)c)), Is.True, $"U+{c:X4} ({script}) is called drawable");
                    // The layout sends the character to a fallback face (the own faces lack it).
                    Assert.That(Text.ScriptFonts.FallbackFor(c), Is.Not.Null, $"U+{c:X4} has no fallback face");
                }
            }
        }
    }

    [Test]
    public void ArabicLetters_CalledDrawable_AreShapedOrDoNotJoin()
    {
        // Every drawable Arabic letter either has contextual presentation forms or is hamza (which joins nothing).
        foreach (var (first, last) in CertificateCharacters.FallbackRanges["Arabic"])
        {
            for (var c = first; c <= last; c++)
            {
                var ch = (char)c;
                if (char.IsLetter(ch) && ch is not ('\u0621' or '\u0640'))
                {
                    Assert.That(Text.ArabicShaping.Shape(ch.ToString()), Is.Not.EqualTo(ch.ToString()), $"U+{c:X4} has no presentation form");
                }
            }
        }
        Assert.That(Text.ArabicShaping.Shape("\u0644\u0627"), Is.EqualTo("\uFEFB"), "lam + alef is the ligature");
        Assert.That(Text.ArabicShaping.Shape("\u0645\u062D\u0645\u062F"), Is.EqualTo("\uFEE3\uFEA4\uFEE4\uFEAA"), "initial, medial, medial, final");
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
