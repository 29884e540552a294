using MicroCredentials.Catalog;

namespace MicroCredentials.Core.Tests.Catalog;

public sealed class CsvWriterTests
{
    [TestCase("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"", TestName = "Equals sign")]
    [TestCase("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0", TestName = "Plus sign")]
    [TestCase("-2+3", "'-2+3", TestName = "Minus sign")]
    [TestCase("@SUM(A1)", "'@SUM(A1)", TestName = "At sign")]
    [TestCase("\t=1", "\"'\t=1\"", TestName = "Tab")]
    [TestCase("\r=1", "\"'\r=1\"", TestName = "Carriage return")]
    [TestCase("An Peeters", "An Peeters", TestName = "Plain text unchanged")]
    [TestCase("De Smet; Jan", "\"De Smet; Jan\"", TestName = "Separator quoted")]
    [TestCase("De Smet, Jan", "\"De Smet, Jan\"", TestName = "Comma quoted (other locales split on it)")]
    [TestCase("https://x.be/v/abc", "https://x.be/v/abc", TestName = "URL unchanged")]
    [TestCase("", "", TestName = "Empty")]
    public void Cell_Value_NeutralisedAndQuoted(string value, string expected) =>
        Assert.That(CsvWriter.Cell(value), Is.EqualTo(expected));

    [Test]
    public void Document_HeaderAndRows_OneLineEach()
    {
        var csv = CsvWriter.Document(["line", "name"], [["2", "=cmd"], [null, "An"]]);

        Assert.That(csv, Is.EqualTo("line;name\n2;'=cmd\n;An\n"));
    }

    [Test]
    public void Document_ReadBackByTheLearnerReader_KeepsTheText()
    {
        var csv = CsvWriter.Document(["email", "name", "code", "awarded"], [["a@b.be", "De \"Smet\"; Jan", "MC-CBE", "2026-02-06"]]);

        var row = LearnerCsvReader.Read(csv, "x.csv", Support.Samples.Catalog(), Support.Samples.Today).Rows.Single();

        Assert.That(row.Name, Is.EqualTo("De \"Smet\"; Jan"));
    }
}
