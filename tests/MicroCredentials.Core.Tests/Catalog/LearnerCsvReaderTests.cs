using MicroCredentials.Catalog;
using MicroCredentials.Core.Tests.Support;

namespace MicroCredentials.Core.Tests.Catalog;

public sealed class LearnerCsvReaderTests
{
    [Test]
    public void Read_SampleLearners_AllRowsValid()
    {
        var result = LearnerCsvReader.Read(File.ReadAllText(Samples.LearnersPath), "learners.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Rows, Has.Count.EqualTo(6));
        Assert.That(result.Rows.Select(r => r.Name), Does.Contain("Nguyễn Thị Ánh"));
    }

    [Test]
    public void Read_BadSample_KeepsGoodRowsAndNamesEachProblem()
    {
        var result = LearnerCsvReader.Read(File.ReadAllText(Samples.BadLearnersPath), "learners-with-errors.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Rows.Select(r => r.Name), Is.EqualTo(new[] { "Marie Claes", "Inès Dubois" }));
        Assert.That(result.Errors.Select(e => (e.Line, e.Field)), Is.EquivalentTo(new[]
        {
            (3, "email"), (4, "code"), (5, "name"), (6, "awarded"), (7, "grade"),
        }));
        Assert.That(result.Errors.All(e => e.File == "learners-with-errors.csv"), Is.True);
        Assert.That(result.Errors.Single(e => e.Line == 7).Message, Does.Contain("outside the scale"));
    }

    [TestCase("email,name,code,awarded,grade\nA@B.be,\"De Smet, Jan\",MC-DSH,6/02/2026,14\n", TestName = "Comma separated, quoted comma, Belgian date")]
    [TestCase("\uFEFFe-mail;naam;code;datum;cijfer\r\na@b.be;\"De Smet, Jan\";mc-dsh;2026-02-06;14\r\n", TestName = "Dutch headers, BOM, CRLF, lower-case code")]
    [TestCase("email\tname\tcode\tawarded\tgrade\na@b.be\tDe Smet, Jan\tMC-DSH\t2026-02-06\t14,0\n", TestName = "Tab separated, decimal comma")]
    public void Read_CommonExportShapes_Accepted(string csv)
    {
        var result = LearnerCsvReader.Read(csv, "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Errors, Is.Empty);
        var row = result.Rows.Single();
        Assert.That(row.Name, Is.EqualTo("De Smet, Jan"));
        Assert.That(row.Code, Is.EqualTo("MC-DSH"));
        Assert.That(row.Awarded, Is.EqualTo(new DateOnly(2026, 2, 6)));
        Assert.That(row.NormalizedEmail, Is.EqualTo("a@b.be"));
    }

    [Test]
    public void Read_MissingColumn_NamesColumn()
    {
        var result = LearnerCsvReader.Read("email;name;grade\na@b.be;X;12\n", "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Rows, Is.Empty);
        Assert.That(result.Errors.Single().Message, Does.Contain("code, awarded"));
    }

    [Test]
    public void Read_DuplicateRow_SecondRejectedWithFirstLine()
    {
        var csv = "email;name;code;awarded;grade\na@b.be;X;MC-DSH;2026-02-06;12\n A@B.be ;X;MC-DSH;2026-02-06;13\n";

        var result = LearnerCsvReader.Read(csv, "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Rows, Has.Count.EqualTo(1));
        Assert.That(result.Errors.Single().Message, Does.Contain("line 2"));
    }

    [Test]
    public void Read_PassFailCourseWithGrade_Rejected()
    {
        var result = LearnerCsvReader.Read("email;name;code;awarded;grade\na@b.be;X;MC-CBE;2026-02-06;14\n", "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Errors.Single().Field, Is.EqualTo("grade"));
    }

    [Test]
    public void Read_GradeBelowPassMark_Rejected()
    {
        var result = LearnerCsvReader.Read("email;name;code;awarded;grade\na@b.be;X;MC-DSH;2026-02-06;9\n", "x.csv", Samples.Catalog(), Samples.Today);

        Assert.That(result.Errors.Single().Message, Does.Contain("below the pass mark"));
    }
}
