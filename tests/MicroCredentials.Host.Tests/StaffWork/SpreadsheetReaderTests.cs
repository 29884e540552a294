using System.IO.Compression;
using System.Text;
using MicroCredentials.Host.Staff.Work;

namespace MicroCredentials.Host.Tests.StaffWork;

/// <summary>The spreadsheet reader: CSV encodings and separators, real .xlsx workbooks, and each bound one past its limit.</summary>
[TestFixture]
public sealed class SpreadsheetReaderTests
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    [TestCase(";", TestName = "Csv_Semicolon_IsDetected")]
    [TestCase(",", TestName = "Csv_Comma_IsDetected")]
    [TestCase("\t", TestName = "Csv_Tab_IsDetected")]
    [TestCase("|", TestName = "Csv_Pipe_IsDetected")]
    public void Csv_AnySeparator_IsDetected(string separator)
    {
        var text = string.Join(separator, "e-mail", "naam", "code") + "\r\n" + string.Join(separator, "a@example.be", "\"De Vos, Jan\"", "MC-DSH") + "\r\n";
        var read = SpreadsheetReader.Read(Utf8.GetBytes(text));

        Assert.That(read.ProblemKey, Is.Null);
        Assert.That(read.Table!.Header, Is.EqualTo(new[] { "e-mail", "naam", "code" }));
        Assert.That(read.Table.Rows.Single(), Is.EqualTo(new[] { "a@example.be", "De Vos, Jan", "MC-DSH" }));
    }

    [Test]
    public void Csv_Utf8WithBom_ReadsAccentsAndDropsTheBom()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Utf8.GetBytes("naam;e-mail\nZoë Müller-Brontë;z@example.de\n")).ToArray();
        var read = SpreadsheetReader.Read(bytes);

        Assert.That(read.Table!.Header[0], Is.EqualTo("naam"));
        Assert.That(read.Table.Rows[0][0], Is.EqualTo("Zoë Müller-Brontë"));
    }

    [Test]
    public void Csv_Windows1252_IsRefusedWithWhatToDo()
    {
        // "Zoë" in Windows-1252 is 5A 6F EB: EB is not UTF-8 on its own.
        var bytes = Encoding.Latin1.GetBytes("naam;e-mail\nZoë;z@example.de\n");
        Assert.That(SpreadsheetReader.Read(bytes).ProblemKey, Is.EqualTo("Issue.Problem.NotUtf8"));
    }

    [Test]
    public void Csv_Utf16_IsRefused() =>
        Assert.That(SpreadsheetReader.Read(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("naam\n")).ToArray()).ProblemKey,
            Is.EqualTo("Issue.Problem.Utf16"));

    [Test]
    public void OldXls_IsRefused() =>
        Assert.That(SpreadsheetReader.Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).ProblemKey, Is.EqualTo("Issue.Problem.Xls"));

    [Test]
    public void Xlsx_StringsNumbersAndDates_AreReadAsText()
    {
        var bytes = XlsxFile.Create([
            ["E-mail", "Naam", "Code", "Datum", "Cijfer"],
            ["a@example.be", "Jan De Vos", "MC-DSH", new DateOnly(2026, 2, 6), 14.5],
        ]);
        var read = SpreadsheetReader.Read(bytes);

        Assert.That(read.ProblemKey, Is.Null);
        Assert.That(read.Table!.Header, Is.EqualTo(new[] { "E-mail", "Naam", "Code", "Datum", "Cijfer" }));
        Assert.That(read.Table.Rows.Single(), Is.EqualTo(new[] { "a@example.be", "Jan De Vos", "MC-DSH", "2026-02-06", "14.5" }));
    }

    [Test]
    public void Xlsx_Broken_IsNotAWorkbook()
    {
        var bytes = XlsxFile.Create([["a"]]);
        Assert.That(SpreadsheetReader.Read(bytes[..(bytes.Length / 2)]).ProblemKey, Is.EqualTo("Issue.Problem.NotXlsx"), "truncated");
        Assert.That(SpreadsheetReader.Read([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).ProblemKey, Is.EqualTo("Issue.Problem.NotXlsx"), "zip header only");

        using var other = new MemoryStream();
        using (var zip = new ZipArchive(other, ZipArchiveMode.Create, leaveOpen: true))
        {
            XlsxFile.Add(zip, "word/document.xml", "<w/>");
        }

        Assert.That(SpreadsheetReader.Read(other.ToArray()).ProblemKey, Is.EqualTo("Issue.Problem.NotXlsx"), "a zip that is no workbook");
    }

    [Test]
    public void Bound_Rows_OnePastIsRefused()
    {
        string Csv(int rows) => "email\n" + string.Concat(Enumerable.Repeat("a@example.be\n", rows));
        Assert.That(SpreadsheetReader.Read(Utf8.GetBytes(Csv(HostLimits.SpreadsheetMaxRows))).Table!.Rows, Has.Count.EqualTo(HostLimits.SpreadsheetMaxRows));
        Assert.That(SpreadsheetReader.Read(Utf8.GetBytes(Csv(HostLimits.SpreadsheetMaxRows + 1))).ProblemKey, Is.EqualTo("Issue.Problem.TooManyRows"));
    }

    [Test]
    public void Bound_Columns_OnePastIsRefused()
    {
        string Csv(int columns) => string.Join(';', Enumerable.Range(1, columns).Select(i => $"c{i}")) + "\n";
        Assert.That(SpreadsheetReader.Read(Utf8.GetBytes(Csv(HostLimits.SpreadsheetMaxColumns))).Table!.Header, Has.Count.EqualTo(HostLimits.SpreadsheetMaxColumns));
        Assert.That(SpreadsheetReader.Read(Utf8.GetBytes(Csv(HostLimits.SpreadsheetMaxColumns + 1))).ProblemKey, Is.EqualTo("Issue.Problem.TooManyColumns"));
    }

    [Test]
    public void Bound_CellSize_OnePastIsRefused()
    {
        string Csv(int chars) => "name\n" + new string('a', chars) + "\n";
        Assert.That(SpreadsheetReader.Read(Utf8.GetBytes(Csv(HostLimits.SpreadsheetMaxCellChars))).ProblemKey, Is.Null);
        Assert.That(SpreadsheetReader.Read(Utf8.GetBytes(Csv(HostLimits.SpreadsheetMaxCellChars + 1))).ProblemKey, Is.EqualTo("Issue.Problem.CellTooLong"));
        var xlsx = XlsxFile.Create([["name"], [new string('a', HostLimits.SpreadsheetMaxCellChars + 1)]]);
        Assert.That(SpreadsheetReader.Read(xlsx).ProblemKey, Is.EqualTo("Issue.Problem.CellTooLong"));
    }

    [Test]
    public void Bound_FileSize_OnePastIsRefused() =>
        Assert.That(SpreadsheetReader.Read(new byte[HostLimits.SpreadsheetMaxBytes + 1]).ProblemKey, Is.EqualTo("Issue.Problem.TooLarge"));

    [Test]
    public void Bound_ZipEntries_OnePastIsRefused()
    {
        // The workbook has six entries of its own.
        byte[] With(int extra) => XlsxFile.Create([["email"]], zip =>
        {
            for (var i = 0; i < extra; i++)
            {
                XlsxFile.Add(zip, $"customXml/item{i}.xml", "<a/>");
            }
        });
        Assert.That(SpreadsheetReader.Read(With(HostLimits.XlsxMaxZipEntries - 6)).ProblemKey, Is.Null);
        Assert.That(SpreadsheetReader.Read(With(HostLimits.XlsxMaxZipEntries - 5)).ProblemKey, Is.EqualTo("Issue.Problem.XlsxTooComplex"));
    }

    [Test]
    public void Bound_Inflation_ZipBombIsRefused()
    {
        // One entry of zeros that inflates to one byte past the bound (with the workbook's own few hundred bytes).
        var bomb = XlsxFile.Create([["email"]], zip =>
        {
            using var entry = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written <= HostLimits.XlsxMaxInflatedBytes; written += zeros.Length)
            {
                entry.Write(zeros);
            }
        });
        Assert.That(bomb, Has.Length.LessThan(HostLimits.SpreadsheetMaxBytes), "the bomb is small enough to upload");
        Assert.That(SpreadsheetReader.Read(bomb).ProblemKey, Is.EqualTo("Issue.Problem.XlsxTooComplex"));
    }

    [Test]
    public void Mapping_DutchAndEnglishHeaders_AreRecognised()
    {
        Assert.That(ColumnMapping.Guess(["E-mailadres", "Naam", "Opleidingscode", "Toegekend", "Cijfer", "Begindatum", "Einddatum", "Opmerking"]),
            Is.EqualTo(new[] { "email", "name", "code", "awarded", "grade", "start", "end", "" }));
        Assert.That(ColumnMapping.Guess(["Email", "Full name", "Course", "Award date", "Grade", "Notes", "Email"]),
            Is.EqualTo(new[] { "email", "name", "code", "awarded", "grade", "", "" }));
    }
}
