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
    [TestCase("אָב", "באָ", TestName = "A point stays after its letter")]
    public void Visual_GivesLeftToRightDrawingOrder(string logical, string visual) =>
        Assert.That(BidiOrder.Visual(logical), Is.EqualTo(visual));
}
