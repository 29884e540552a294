using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Catalog;

public sealed class LearnerNameTests
{
    [TestCase("An Peeters", "An Peeters", TestName = "Plain name unchanged")]
    [TestCase("  Zoë Müller-Brontë \t", "Zoë Müller-Brontë", TestName = "Trimmed")]
    [TestCase("Nguye\u0302\u0303n Thi\u0323 A\u0301nh", "Nguyễn Thị Ánh", TestName = "Decomposed accents composed to NFC")]
    [TestCase("محمد بن سلمان", "محمد بن سلمان", TestName = "Right-to-left script without controls")]
    [TestCase("می\u200Cخواهم", "می\u200Cخواهم", TestName = "Zero-width non-joiner kept (Persian)")]
    [TestCase("王秀英", "王秀英", TestName = "Han characters")]
    public void Check_GoodName_ReturnsNormalisedName(string raw, string expected)
    {
        var check = LearnerName.Check(raw);

        Assert.That(check.Problem, Is.Null);
        Assert.That(check.Name, Is.EqualTo(expected));
    }

    [TestCase("", "empty", TestName = "Empty")]
    [TestCase("   \t ", "empty", TestName = "Only white space")]
    [TestCase("An\0Peeters", "control character U+0000", TestName = "NUL")]
    [TestCase("An\aPeeters", "control character U+0007", TestName = "BEL")]
    [TestCase("An \u001B[31mPeeters", "control character U+001B", TestName = "ESC (terminal escape)")]
    [TestCase("An\u007FPeeters", "control character U+007F", TestName = "DEL")]
    [TestCase("An\u0085Peeters", "control character U+0085", TestName = "C1 next line")]
    [TestCase("An\u009BPeeters", "control character U+009B", TestName = "C1 CSI")]
    [TestCase("An \u202EslaitnedeR\u202C Peeters", "bidirectional control U+202E", TestName = "Right-to-left override")]
    [TestCase("An \u202Ax", "bidirectional control U+202A", TestName = "Left-to-right embedding")]
    [TestCase("An \u2066x\u2069", "bidirectional control U+2066", TestName = "Left-to-right isolate")]
    [TestCase("An \u2069x", "bidirectional control U+2069", TestName = "Pop directional isolate")]
    [TestCase("An\u200E Peeters", "bidirectional control U+200E", TestName = "Left-to-right mark")]
    [TestCase("An\u200F Peeters", "bidirectional control U+200F", TestName = "Right-to-left mark")]
    [TestCase("An\u061C Peeters", "bidirectional control U+061C", TestName = "Arabic letter mark")]
    [TestCase("An\u200BPeeters", "invisible format character U+200B", TestName = "Zero-width space")]
    [TestCase("An\u2028Peeters", "line break", TestName = "Line separator")]
    [TestCase("An\uE000", "not a character any font can print", TestName = "Private use")]
    [TestCase("Ren\uFFFD Dubois", "not saved as UTF-8", TestName = "Replacement character from a Latin-1 file")]
    [TestCase("12345", "no letter", TestName = "Digits only")]
    [TestCase("=1+1", "no letter", TestName = "A formula without letters")]
    [TestCase("Za\u0336\u0336\u0336\u0336\u0336lgo", "combining marks", TestName = "Five combining marks on one letter")]
    public void Check_BadName_RefusedWithReason(string raw, string reason)
    {
        var check = LearnerName.Check(raw);

        Assert.That(check.IsValid, Is.False);
        Assert.That(check.Name, Is.Null);
        Assert.That(check.Problem, Does.Contain(reason));
    }

    [Test]
    public void Check_LoneSurrogate_Refused()
    {
        // Built in code: an attribute argument is stored as UTF-8, which cannot hold a lone surrogate.
        var name = "An" + (char)0xD800 + "Peeters";

        Assert.That(LearnerName.Check(name).Problem, Does.Contain("lone UTF-16 surrogate U+D800) at position 3"));
    }

    [Test]
    public void Check_AtTheLengthLimit_Accepted()
    {
        var name = "A" + new string('b', CoreLimits.MaxLearnerNameLength - 1);

        Assert.That(LearnerName.Check(name).Name, Is.EqualTo(name));
    }

    [Test]
    public void Check_OnePastTheLengthLimit_Refused()
    {
        var check = LearnerName.Check(new string('a', CoreLimits.MaxLearnerNameLength + 1));

        Assert.That(check.Problem, Is.EqualTo($"the name is {CoreLimits.MaxLearnerNameLength + 1} characters long; at most {CoreLimits.MaxLearnerNameLength} fit on the certificate."));
    }

    [Test]
    public void Check_FiveThousandCharacters_RefusedWithoutWork()
    {
        var check = LearnerName.Check(new string('a', 5000));

        Assert.That(check.Problem, Does.StartWith("the name is 5,000 characters long"));
    }

    [Test]
    public void Check_AstralLettersCountAsOneCharacterEach()
    {
        var name = string.Concat(Enumerable.Repeat("𝐀", CoreLimits.MaxLearnerNameLength)); // 2 UTF-16 units each

        Assert.That(LearnerName.Check(name).IsValid, Is.True);
        Assert.That(LearnerName.Check(name + "𝐀").Problem, Does.Contain($"{CoreLimits.MaxLearnerNameLength + 1} characters"));
    }

    [Test]
    public void Check_CombiningMarksAtTheLimit_Accepted()
    {
        var name = "Za" + new string('\u0336', CoreLimits.MaxCombiningMarksInARow) + "lgo";

        Assert.That(LearnerName.Check(name).IsValid, Is.True);
    }

    [Test]
    public void Shown_ControlAndBidiCharacters_WrittenAsCodePoints()
    {
        Assert.That(LearnerName.Shown("a\u001B[2Jb\u202Ec"), Is.EqualTo("aU+001B[2JbU+202Ec"));
        Assert.That(LearnerName.Shown(new string('x', 100), 5), Is.EqualTo("xxxxx…"));
    }

    [TestCase("email;name;code;awarded\na@b.be;\"An\u202Eabc\";MC-CBE;2026-02-06\n", "x.csv:2: name: the name holds the bidirectional control U+202E at position 3, which can make it display reversed; remove it.", TestName = "Bidi override")]
    [TestCase("email;name;code;awarded\na@b.be;\"An\aPeeters\";MC-CBE;2026-02-06\n", "x.csv:2: name: the name holds the control character U+0007 at position 3; remove it.", TestName = "BEL")]
    [TestCase("email;name;code;awarded\na@b.be;;MC-CBE;2026-02-06\n", "x.csv:2: name: the learner's name is empty; it is printed on the certificate.", TestName = "Empty")]
    public void Read_BadName_RowErrorFileLineNameReason(string csv, string expected)
    {
        var result = LearnerCsvReader.Read(csv, "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Rows, Is.Empty);
        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Read_FiveThousandCharacterName_RowError()
    {
        var csv = $"email;name;code;awarded\na@b.be;{new string('a', 5000)};MC-CBE;2026-02-06\n";

        var result = LearnerCsvReader.Read(csv, "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Rows, Is.Empty);
        Assert.That(result.Errors.Single().ToString(), Is.EqualTo($"x.csv:2: name: the name is 5,000 characters long; at most {CoreLimits.MaxLearnerNameLength} fit on the certificate."));
    }

    [Test]
    public void Read_DecomposedName_StoredAsNfc()
    {
        var csv = "email;name;code;awarded\na@b.be;Ine\u0300s Dubois;MC-CBE;2026-02-06\n";

        var row = LearnerCsvReader.Read(csv, "x.csv", Samples.Catalog(), Samples.Today).Rows.Single();

        Assert.That(row.Name, Is.EqualTo("Inès Dubois"));
        Assert.That(row.Name.Length, Is.EqualTo(11));
    }

    [TestCase("a\u0000b@example.be", TestName = "NUL in e-mail")]
    [TestCase("a\u202Eb@example.be", TestName = "Bidi override in e-mail")]
    public void Read_InvisibleCharacterInEmail_RowErrorShowsCodePoint(string email)
    {
        var result = LearnerCsvReader.Read($"email;name;code;awarded\n\"{email}\";An;MC-CBE;2026-02-06\n", "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Errors.Single().Field, Is.EqualTo("email"));
        Assert.That(result.Errors.Single().Message, Does.Match(@"U\+[0-9A-F]{4}"));
    }

    [Test]
    public void Read_EmailOnePastTheLimit_RowError()
    {
        var email = new string('a', CoreLimits.MaxEmailLength - "@example.be".Length + 1) + "@example.be";

        var result = LearnerCsvReader.Read($"email;name;code;awarded\n{email};An;MC-CBE;2026-02-06\n", "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Errors.Single().Message, Is.EqualTo($"the e-mail address is {CoreLimits.MaxEmailLength + 1} characters long; at most {CoreLimits.MaxEmailLength} are allowed."));
    }
}
