using System.Globalization;
using System.IO.Compression;
using ExcelDataReader;

namespace MicroCredentials.Host.Staff.Work;

internal static partial class SpreadsheetReader
{
    // ExcelDataReader's configuration asks for code page 1252 (its fallback for old .xls text) even for .xlsx.
    private static readonly Lazy<bool> CodePages = new(() =>
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return true;
    });

    private static SpreadsheetRead ReadXlsx(byte[] bytes)
    {
        _ = CodePages.Value;
        if (ZipProblem(bytes) is { } zipProblem)
        {
            return zipProblem;
        }

        var records = new List<List<string>>();
        try
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes, writable: false));
            while (reader.Read())
            {
                if (records.Count > HostLimits.SpreadsheetMaxRows)
                {
                    return SpreadsheetRead.Problem("Issue.Problem.TooManyRows", HostLimits.SpreadsheetMaxRows);
                }

                var row = new List<string>();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = CellText(reader.GetValue(i));
                    if (CellProblem(records.Count + 1, i, value) is { } problem)
                    {
                        return problem;
                    }

                    row.Add(value);
                }

                records.Add(row);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A third-party parser on an uploaded file: whatever it cannot read is "not a workbook", never a 5xx.
            return SpreadsheetRead.Problem("Issue.Problem.NotXlsx");
        }

        return Shape(records);
    }

    // Dates as ISO dates (the learners reader takes 2026-02-06), numbers without a thousands separator or exponent.
    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("0.###############", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    // Before the workbook reader sees the file: at most XlsxMaxZipEntries entries, and every entry really inflated
    // through a counter, so a zip bomb (declared sizes lie) is refused at XlsxMaxInflatedBytes.
    private static SpreadsheetRead? ZipProblem(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > HostLimits.XlsxMaxZipEntries)
            {
                return SpreadsheetRead.Problem("Issue.Problem.XlsxTooComplex");
            }

            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > HostLimits.XlsxMaxInflatedBytes)
                    {
                        return SpreadsheetRead.Problem("Issue.Problem.XlsxTooComplex");
                    }
                }
            }

            return zip.GetEntry("xl/workbook.xml") is null ? SpreadsheetRead.Problem("Issue.Problem.NotXlsx") : null;
        }
        catch (InvalidDataException)
        {
            return SpreadsheetRead.Problem("Issue.Problem.NotXlsx");
        }
    }
}
