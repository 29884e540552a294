using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Catalog;

/// <summary>Issue 13 point 1: a name the certificate fonts cannot draw is refused at issue, naming the script; the scripts they draw are accepted.</summary>
public sealed class CertificateCharactersTests
{
    private static LearnerCsvResult ReadOne(string name) => LearnerCsvReader.Read(
        $"email;name;code;awarded;grade\nx@example.be;{name};MC-DSH;2026-02-06;15\n", "one.csv", Samples.Catalog(), Samples.Today);

    [TestCase("ସୁଭଶ୍ରୀ ମହାନ୍ତି", "Odia script", TestName = "Odia refused")]
    [TestCase("සඳුනි පෙරේරා", "Sinhala script", TestName = "Sinhala refused")]
    [TestCase("مُحَمَّدۖ", "Arabic script", TestName = "Arabic with a Quranic annotation sign refused")]
    [TestCase("שָׁ֑לוֹם", "Hebrew script", TestName = "Hebrew with a cantillation mark refused")]
    [TestCase("An Peeters 🎓", "an emoji or pictograph", TestName = "Emoji refused")]
    public void Read_NameTheFontsCannotDraw_RowErrorNamesTheScript(string name, string script)
    {
        var result = ReadOne(name);

        Assert.That(result.Rows, Is.Empty);
        var error = result.Errors.Single();
        Assert.That(error.Field, Is.EqualTo("name"));
        Assert.That(error.Message, Does.Contain(script).And.Contain("empty box"));
    }

    [TestCase("Zoë Müller-Brontë", TestName = "Latin with diacritics accepted")]
    [TestCase("Nguyễn Thị Ánh", TestName = "Vietnamese accepted")]
    [TestCase("Νικόλαος Παπαδόπουλος", TestName = "Greek accepted")]
    [TestCase("Анна Иванова", TestName = "Cyrillic accepted")]
    [TestCase("Łukasz Żółć-Øster", TestName = "Polish and Danish accepted")]
    [TestCase("王小明", TestName = "Chinese accepted")]
    [TestCase("やまだ はなこ", TestName = "Japanese kana accepted")]
    [TestCase("김민준", TestName = "Korean accepted")]
    [TestCase("محمد عبد الله", TestName = "Arabic accepted")]
    [TestCase("مُحَمَّد عَلِيّ", TestName = "Arabic with harakat accepted")]
    [TestCase("נועה כהן", TestName = "Hebrew accepted")]
    [TestCase("שָׁלוֹם כֹּהֵן", TestName = "Hebrew with points accepted")]
    [TestCase("สมชาย ใจดี", TestName = "Thai accepted")]
    [TestCase("अनुष्का शर्मा", TestName = "Devanagari accepted")]
    [TestCase("অনন্যা রায়", TestName = "Bengali accepted")]
    [TestCase("ਹਰਪ੍ਰੀਤ ਕੌਰ", TestName = "Gurmukhi accepted")]
    [TestCase("કૃષ્ણ પટેલ", TestName = "Gujarati accepted")]
    [TestCase("கார்த்திக் சுப்ரமணியம்", TestName = "Tamil accepted")]
    [TestCase("శ్రీనివాస్ రెడ్డి", TestName = "Telugu accepted")]
    [TestCase("ಅಕ್ಷತಾ ಶೆಟ್ಟಿ", TestName = "Kannada accepted")]
    [TestCase("ലക്ഷ്മി നായർ", TestName = "Malayalam accepted")]
    public void Read_NameTheFontsDraw_Accepted(string name)
    {
        var result = ReadOne(name);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Rows.Single().Name, Is.EqualTo(name));
    }

    [Test]
    public void Problem_FirstUndrawableCharacter_ShownWithCodePoint()
    {
        Assert.That(CertificateCharacters.Problem("Ann ଓ", "the name"), Does.StartWith("the name contains ଓ (U+0B13, "));
        Assert.That(CertificateCharacters.Problem("Ann", "the name"), Is.Null);
    }

    [Test]
    public void Ranges_SortedAndDisjoint()
    {
        IReadOnlyList<(int First, int Last)> ranges = [.. CertificateCharacters.DrawableRanges.Concat(CertificateCharacters.FallbackRanges.Values.SelectMany(r => r)).OrderBy(r => r.First)];
        for (var i = 0; i < ranges.Count; i++)
        {
            Assert.That(ranges[i].First, Is.LessThanOrEqualTo(ranges[i].Last));
            if (i > 0)
            {
                // Disjoint across lists; two scripts' blocks may touch (Devanagari ends where Bengali begins).
                Assert.That(ranges[i].First, Is.GreaterThan(ranges[i - 1].Last));
            }
        }
        // Within one list, touching ranges would be one range.
        foreach (var list in CertificateCharacters.FallbackRanges.Values.Append(CertificateCharacters.DrawableRanges))
        {
            for (var i = 1; i < list.Count; i++)
            {
                Assert.That(list[i].First, Is.GreaterThan(list[i - 1].Last + 1));
            }
        }
    }
}
