using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Catalog;

/// <summary>The optional language column (the learner's e-mail language): nl, en or fr under an English, Dutch or French header.</summary>
public sealed class LearnerCsvReaderLanguageTests
{
    [TestCase("language", "fr", "fr", TestName = "English header")]
    [TestCase("taal", "NL", "nl", TestName = "Dutch header, upper case")]
    [TestCase("langue", "en", "en", TestName = "French header")]
    [TestCase("taal", "", null, TestName = "Empty cell: no language")]
    public void Read_LanguageColumn_IsKept(string header, string cell, string? expected)
    {
        var csv = $"email;name;code;awarded;grade;{header}\na@b.be;Jan De Vos;MC-DSH;2026-02-06;14;{cell}\n";
        var result = LearnerCsvReader.Read(csv, "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Rows.Single().Language, Is.EqualTo(expected));
    }

    [Test]
    public void Read_UnknownLanguage_IsRefusedOnItsField()
    {
        var csv = "email;name;code;awarded;grade;language\na@b.be;Jan De Vos;MC-DSH;2026-02-06;14;de\n";
        var result = LearnerCsvReader.Read(csv, "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Rows, Is.Empty);
        Assert.That(result.Errors.Single().Field, Is.EqualTo("language"));
        Assert.That(result.Errors.Single().Message, Does.Contain("nl, en or fr"));
    }
}
