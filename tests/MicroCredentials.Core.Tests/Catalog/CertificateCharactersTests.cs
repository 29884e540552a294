using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Catalog;

/// <summary>Issue 13 point 1, the partial step: a name the certificate fonts cannot draw is refused at issue, naming the script.</summary>
public sealed class CertificateCharactersTests
{
    private static LearnerCsvResult ReadOne(string name) => LearnerCsvReader.Read(
        $"email;name;code;awarded;grade\nx@example.be;{name};MC-DSH;2026-02-06;15\n", "one.csv", Samples.Catalog(), Samples.Today);

    [TestCase("王小明", "Chinese, Japanese or Korean (CJK) script", TestName = "Chinese refused")]
    [TestCase("やまだ はなこ", "Japanese (kana) script", TestName = "Japanese kana refused")]
    [TestCase("김민준", "Korean (Hangul) script", TestName = "Korean refused")]
    [TestCase("محمد عبد الله", "Arabic script", TestName = "Arabic refused")]
    [TestCase("נועה כהן", "Hebrew script", TestName = "Hebrew refused")]
    [TestCase("अनन्या शर्मा", "Devanagari script", TestName = "Devanagari refused")]
    [TestCase("สมชาย ใจดี", "Thai script", TestName = "Thai refused")]
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
    public void Read_NameTheFontsDraw_Accepted(string name)
    {
        var result = ReadOne(name);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Rows.Single().Name, Is.EqualTo(name));
    }

    [Test]
    public void Problem_FirstUndrawableCharacter_ShownWithCodePoint()
    {
        Assert.That(CertificateCharacters.Problem("Ann 王", "the name"), Does.StartWith("the name contains 王 (U+738B, "));
        Assert.That(CertificateCharacters.Problem("Ann", "the name"), Is.Null);
    }

    [Test]
    public void Ranges_SortedAndDisjoint()
    {
        var ranges = CertificateCharacters.DrawableRanges;
        for (var i = 0; i < ranges.Count; i++)
        {
            Assert.That(ranges[i].First, Is.LessThanOrEqualTo(ranges[i].Last));
            if (i > 0)
            {
                Assert.That(ranges[i].First, Is.GreaterThan(ranges[i - 1].Last + 1));
            }
        }
    }
}
