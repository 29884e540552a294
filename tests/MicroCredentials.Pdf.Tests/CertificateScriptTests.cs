using MicroCredentials.Catalog;
using MicroCredentials.Pdf.Layout;
using MicroCredentials.Pdf.Text;
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
    public void ArabicLetters_CalledDrawable_JoinWhenShaped_OrDoNotJoin()
    {
        // HarfBuzz gives every drawable Arabic letter between two tatweels (which join both ways) another glyph than it
        // has alone — its medial or final form — except hamza, which joins nothing, and tatweel itself.
        var face = CertificateFontResolver.FaceName(ScriptFonts.Arabic, bold: false);
        foreach (var (first, last) in CertificateCharacters.FallbackRanges["Arabic"])
        {
            for (var c = first; c <= last; c++)
            {
                var ch = (char)c;
                if (char.IsLetter(ch) && ch is not ('\u0621' or '\u0640'))
                {
                    var alone = ShapedText.Shape(ch.ToString(), face, rightToLeft: true).Single().Id;
                    var joined = ShapedText.Shape($"\u0640{ch}\u0640", face, rightToLeft: true);
                    Assert.That(joined, Has.Length.EqualTo(3), $"U+{c:X4}");
                    // Visual order: the glyph of the letter is the middle one.
                    Assert.That(joined[1].Id, Is.Not.EqualTo(alone), $"U+{c:X4} does not join");
                }
            }
        }
        Assert.That(IsLamAlefLigature("\u0644\u0627", face), Is.True, "lam + alef is not the ligature");
        Assert.That(ShapedText.Shape("\u0645\u062D\u0645\u062F", face, rightToLeft: true).Select(g => ShapedText.CharacterOf(face, g.Id)),
            Is.EqualTo(new int?[] { 0xFEAA, 0xFEE4, 0xFEA4, 0xFEE3 }), "visual order: final dal, medial meem, medial hah, initial meem");
    }

    /// <summary>
    /// Whether HarfBuzz draws the lam and alef of <paramref name="word"/> as the lam-alef ligature (Noto Naskh Arabic
    /// composes it of its own lam and alef glyphs), not as a joining lam (U+FEDF/FEE0) before a final alef (U+FE8E).
    /// </summary>
    private static bool IsLamAlefLigature(string word, string face)
    {
        var joining = "\uFEDF\uFEE0\uFE8E".Select(c => ShapedText.Shape(c.ToString(), face).Single().Id).ToHashSet();
        var glyphs = ShapedText.Shape(word, face, rightToLeft: true);
        return glyphs.Length > 0 && glyphs.All(g => g.Id != 0 && !joining.Contains(g.Id));
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
