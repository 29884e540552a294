using MicroCredentials.Pdf.Text;

namespace MicroCredentials.Pdf.Tests;

/// <summary>The bounded UAX #9 subset: visual order of lines mixing right-to-left text with Latin and numbers.</summary>
public sealed class BidiOrderTests
{
    [TestCase("Zoë Müller", "Zoë Müller", TestName = "Left-to-right text is unchanged")]
    [TestCase("דוד כהן", "ןהכ דוד", TestName = "Hebrew reversed, words in right-to-left order")]
    [TestCase("Sara שרה Cohen", "Sara הרש Cohen", TestName = "Hebrew word inside Latin reversed in place")]
    [TestCase("שרה Cohen", "Cohen הרש", TestName = "Right-to-left paragraph puts the Latin word on the left")]
    [TestCase("כיתה 12", "12 התיכ", TestName = "Numbers stay left to right in a right-to-left line")]
    [TestCase("שרה (כהן)", "(ןהכ) הרש", TestName = "Brackets are mirrored in right-to-left runs")]
    [TestCase("אָב", "בָא", TestName = "A right-to-left word is read back with its characters reversed, points included")]
    public void Printed_GivesTheCharactersAsReadLeftToRight(string logical, string visual) =>
        Assert.That(ScriptFonts.Printed(logical), Is.EqualTo(visual));

    [Test]
    public void Runs_KeepEachRunInLogicalOrder_RunsInVisualOrder()
    {
        Assert.That(BidiOrder.Runs("Sara سارة Haddad"), Is.EqualTo(new[] { ("Sara ", false), ("سارة", true), (" Haddad", false) }));
        // A right-to-left paragraph: the last run is drawn first; the Latin word keeps its order.
        Assert.That(BidiOrder.Runs("שרה Cohen"), Is.EqualTo(new[] { ("Cohen", false), ("שרה ", true) }));
        Assert.That(BidiOrder.Runs("Zoë"), Is.EqualTo(new[] { ("Zoë", false) }));
    }

    [Test]
    public void Drawn_ShapedRightToLeftRun_KeptLogical_BracketsInTheStyleFaceReversedAndMirrored()
    {
        var drawn = ScriptFonts.Drawn("שרה (כהן)");
        Assert.That(drawn, Is.EqualTo(new[]
        {
            new ScriptFonts.DrawnRun("(", null, false),
            new ScriptFonts.DrawnRun("כהן", ScriptFonts.Hebrew, true),
            new ScriptFonts.DrawnRun(")", null, false),
            new ScriptFonts.DrawnRun("שרה ", ScriptFonts.Hebrew, true),
        }));
    }
}
