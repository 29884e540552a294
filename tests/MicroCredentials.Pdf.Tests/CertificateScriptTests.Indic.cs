using MicroCredentials.Catalog;
using MicroCredentials.Model;
using MicroCredentials.Pdf.Layout;
using MicroCredentials.Pdf.Text;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Issue 13 point 1 for the Indic scripts, shaped with HarfBuzz: a name and a learning outcome in each script print
/// exactly as signed (<c>pdftotext</c>, through <c>/ActualText</c>), are drawn with real shaped glyphs (conjuncts, reph,
/// reordered vowel signs: glyphs no single character maps to) and never glyph 0, the face is embedded as a subset,
/// the page rasterises, and the upload verifies as genuine.
/// </summary>
public sealed partial class CertificateScriptTests
{
    private static readonly Dictionary<string, string[]> IndicFonts = new()
    {
        ["Devanagari"] = ["NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"],
        ["Bengali"] = ["NotoSansBengali-Regular.ttf"],
        ["Gurmukhi"] = ["NotoSansGurmukhi-Regular.ttf"],
        ["Gujarati"] = ["NotoSansGujarati-Regular.ttf"],
        ["Tamil"] = ["NotoSansTamil-Regular.ttf"],
        ["Telugu"] = ["NotoSansTelugu-Regular.ttf"],
        ["Kannada"] = ["NotoSansKannada-Regular.ttf"],
        ["Malayalam"] = ["NotoSansMalayalam-Regular.ttf"],
    };

    [TestCase("Devanagari", "अनुष्का शर्मा", "स्वास्थ्य डेटा का विश्लेषण और प्रस्तुति", TestName = "Devanagari name and outcome shaped, printed exactly, genuine")]
    [TestCase("Bengali", "অনন্যা রায়চৌধুরী", "স্বাস্থ্য তথ্যের বিশ্লেষণ", TestName = "Bengali name and outcome shaped, printed exactly, genuine")]
    [TestCase("Gurmukhi", "ਹਰਪ੍ਰੀਤ ਕੌਰ", "ਸਿਹਤ ਡੇਟਾ ਦਾ ਵਿਸ਼ਲੇਸ਼ਣ", TestName = "Gurmukhi name and outcome shaped, printed exactly, genuine")]
    [TestCase("Gujarati", "કૃષ્ણ પટેલ", "આરોગ્ય ડેટાનું વિશ્લેષણ", TestName = "Gujarati name and outcome shaped, printed exactly, genuine")]
    [TestCase("Tamil", "கார்த்திக் சுப்ரமணியம்", "சுகாதாரத் தரவு பகுப்பாய்வு", TestName = "Tamil name and outcome shaped, printed exactly, genuine")]
    [TestCase("Telugu", "శ్రీనివాస్ రెడ్డి", "ఆరోగ్య డేటా విశ్లేషణ", TestName = "Telugu name and outcome shaped, printed exactly, genuine")]
    [TestCase("Kannada", "ಅಕ್ಷತಾ ಶೆಟ್ಟಿ", "ಆರೋಗ್ಯ ದತ್ತಾಂಶ ವಿಶ್ಲೇಷಣೆ", TestName = "Kannada name and outcome shaped, printed exactly, genuine")]
    [TestCase("Malayalam", "ലക്ഷ്മി നായർ", "ആരോഗ്യ ഡാറ്റ വിശകലനം", TestName = "Malayalam name and outcome shaped, printed exactly, genuine")]
    public async Task IndicScript_NameAndOutcome_ShapedPrintedExactly_NoNotdef_Embedded_Genuine(string script, string name, string outcome)
    {
        Assert.That(CertificateCharacters.Problem(name, "the name"), Is.Null);
        Assert.That(CertificateCharacters.Problem(outcome, "the outcome"), Is.Null);
        var pdf = IndicCertificate(name, outcome);
        var path = CertificateFixture.WriteTemp(pdf, $"{script}.pdf");

        // Shaped: every glyph exists (not 0), and the name is drawn with glyphs no one character maps to (conjuncts,
        // reph, vowel-sign ligatures) or in another order than its characters — what PDFsharp alone cannot draw.
        var family = ScriptFonts.FallbackFor(name[0])!;
        Assert.That(ScriptFonts.IsShaped(family), Is.True);
        var face = CertificateFontResolver.FaceName(family, bold: true);
        Assert.That(ShapedGlyphs(name + " " + outcome, face, rightToLeft: false).Select(g => g.Id), Has.None.EqualTo(0), "a character shaped to .notdef");
        Assert.That(DrawnCharacters(name, face, rightToLeft: false), Is.Not.EqualTo(name.Replace(" ", "", StringComparison.Ordinal)),
            "the name's glyphs are its characters one for one: not shaped");

        var lines = await PdftotextLinesAsync(path);
        Assert.That(lines, Does.Contain(name), string.Join("\n", lines));
        // Learning outcomes are numbered on page 2.
        Assert.That(lines, Does.Contain("1. " + outcome), string.Join("\n", lines));

        Assert.That(NotdefUses(pdf), Is.Empty, "a font maps a drawn code to glyph 0 (.notdef)");
        await AssertEmbeddedAsCidSubsetAsync(path, $"Noto Sans {script}");

        // Both pages: the outcome is on page 2.
        await AssertRasterisesAndVerifiesAsync(pdf, path);
    }

    [Test]
    public void DevanagariName_ReadBackByPdfPig_AsTheSignedWords()
    {
        // The printed-text check reads words through /ActualText: the words as signed, so another name differs.
        var sharma = PrintedWords(IndicCertificate("अनुष्का शर्मा", "स्वास्थ्य डेटा का विश्लेषण"));
        var verma = PrintedWords(IndicCertificate("अनुष्का वर्मा", "स्वास्थ्य डेटा का विश्लेषण"));
        foreach (var word in new[] { "अनुष्का", "शर्मा", "विश्लेषण" })
        {
            Assert.That(sharma, Does.Contain(word), string.Join(" ", sharma));
        }
        Assert.That(verma, Does.Contain("वर्मा"));
        Assert.That(verma, Does.Not.Contain("शर्मा"));
    }

    [Test]
    public void IndicFallbackRanges_AreInTheirFaces_AndShaped()
    {
        foreach (var (script, files) in IndicFonts)
        {
            var fonts = files.Select(f => File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "MicroCredentials.Pdf", "Fonts", f))).ToList();
            foreach (var (first, last) in CertificateCharacters.FallbackRanges[script])
            {
                for (var c = first; c <= last; c++)
                {
                    Assert.That(fonts.All(f => TrueTypeCmap.HasGlyph(f, (char)c)), Is.True, $"U+{c:X4} ({script}) is called drawable");
                    Assert.That(ScriptFonts.IsShaped(ScriptFonts.FallbackFor(c)), Is.True, $"U+{c:X4} ({script}) is not shaped");
                }
            }
        }
    }

    [Test]
    public void ShapedWord_AtTheBound_Shaped_OnePast_Refused()
    {
        var face = CertificateFontResolver.FaceName(ScriptFonts.Devanagari, bold: false);
        Assert.That(ShapedText.Shape(new string('क', PdfLimits.MaxShapedWordChars), face), Has.Length.EqualTo(PdfLimits.MaxShapedWordChars));
        Assert.That(() => ShapedText.Shape(new string('क', PdfLimits.MaxShapedWordChars + 1), face), Throws.ArgumentException);
    }

    [Test]
    public void DevanagariName_OnePastTheShapedWordBound_CertificateNotRendered()
    {
        // A forged credential's name is rendered by the verifier too: the bound stops it with an ArgumentException
        // (which the reader reports as a credential no certificate is printed from), not with quadratic work.
        var json = _genuine.Sign(TestCredentials.Credential(learnerName: new string('क', PdfLimits.MaxShapedWordChars + 1)));
        Assert.That(() => new CertificateDocument(_genuine.Model(json)).GeneratePdf(), Throws.ArgumentException);
    }

    /// <summary>The glyphs HarfBuzz shapes each word of <paramref name="text"/> to (the words in logical order).</summary>
    private static IEnumerable<ShapedText.Glyph> ShapedGlyphs(string text, string face, bool rightToLeft) =>
        text.Split(' ').SelectMany(w => ShapedText.Shape(w, face, rightToLeft));

    /// <summary>The characters the glyphs of <paramref name="text"/>'s words stand for alone, in drawing order (U+FFFD: none).</summary>
    private static string DrawnCharacters(string text, string face, bool rightToLeft) =>
        string.Concat(ShapedGlyphs(text, face, rightToLeft).Select(g => ShapedText.CharacterOf(face, g.Id) is { } c ? char.ConvertFromUtf32(c) : "\uFFFD"));

    /// <summary>
    /// The lines <c>pdftotext</c> gives for the whole file (or <paramref name="pages"/>), trimmed, without the embedding
    /// marks (U+202A, U+202B, U+202C) poppler wraps around right-to-left text it has put back into logical order.
    /// </summary>
    private static async Task<List<string>> PdftotextLinesAsync(string path, params string[] pages)
    {
        var text = await ExternalTool.RunAsync("pdftotext", [.. pages, path, "-"]);
        Assert.That(text.ExitCode, Is.EqualTo(0), text.All);
        return text.StdOut.Split('\n', '\f')
            .Select(l => l.Replace("\u202A", "", StringComparison.Ordinal).Replace("\u202B", "", StringComparison.Ordinal)
                .Replace("\u202C", "", StringComparison.Ordinal).Trim())
            .ToList();
    }

    /// <summary><c>pdffonts</c> lists <paramref name="family"/> as a CID TrueType subset, embedded, with a ToUnicode map.</summary>
    private static async Task AssertEmbeddedAsCidSubsetAsync(string path, string family)
    {
        var fonts = await ExternalTool.RunAsync("pdffonts", path);
        Assert.That(fonts.ExitCode, Is.EqualTo(0), fonts.All);
        var listed = fonts.StdOut.Split('\n').Where(l => l.Contains(family, StringComparison.Ordinal)).ToList();
        Assert.That(listed, Is.Not.Empty, fonts.StdOut);
        // name type encoding emb sub uni
        Assert.That(listed, Has.All.Match(@"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes"), fonts.StdOut);
    }

    private byte[] IndicCertificate(string name, string outcome) =>
        new CertificateDocument(_genuine.Model(_genuine.Sign(IndicCredential(name, outcome)))).GenerateSignedPdf(_genuine.Seal, CertificateFixture.SigningTime);

    private static OpenBadgeCredential IndicCredential(string name, string outcome)
    {
        var credential = TestCredentials.Credential(learnerName: name);
        var achievement = credential.CredentialSubject.Achievement;
        return credential with
        {
            CredentialSubject = credential.CredentialSubject with
            {
                Achievement = achievement with
                {
                    LearningOutcome = new Dictionary<string, IReadOnlyList<string>>
                    {
                        ["en"] = [outcome, "Apply privacy, ethics and the GDPR when using health data."],
                    },
                },
            },
        };
    }

    private static List<string> PrintedWords(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf, CertificateReader.ReadingOptions);
        return document.GetPages().SelectMany(p => PrintedToken.Read(p, CancellationToken.None)).Select(t => t.Text).ToList();
    }
}
