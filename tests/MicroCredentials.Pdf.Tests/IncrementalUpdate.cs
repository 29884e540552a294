using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Appends an incremental update (ISO 32000-2 §7.5.6) to a sealed PDF, as an editor that keeps the seal's bytes would:
/// a new version of page 1 whose content gains one more stream, a Helvetica font for it, and a cross-reference section
/// pointing back to the original one. The signed bytes stay untouched; the file now shows more.
/// </summary>
internal static partial class IncrementalUpdate
{
    /// <summary>Returns <paramref name="pdf"/> plus an update drawing <paramref name="text"/> on page 1 (nothing when null).</summary>
    public static byte[] AppendText(byte[] pdf, string? text)
    {
        var original = Encoding.Latin1.GetString(pdf);
        var page = PageObject().Match(original);
        var number = int.Parse(page.Groups[1].Value, CultureInfo.InvariantCulture);
        var body = page.Groups[2].Value;
        var size = int.Parse(TrailerSize().Matches(original)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var root = TrailerRoot().Matches(original)[^1].Groups[1].Value;
        var previous = StartXref().Matches(original)[^1].Groups[1].Value;

        var update = new StringBuilder("\n");
        var offsets = new SortedDictionary<int, long>();
        void Add(int objectNumber, string content)
        {
            offsets[objectNumber] = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
            update.Append(CultureInfo.InvariantCulture, $"{objectNumber} 0 obj\n{content}\nendobj\n");
        }
        if (text is not null)
        {
            var content = $"BT /FX 14 Tf 300 420 Td ({text.Replace("–", "-", StringComparison.Ordinal)}) Tj ET";
            Add(size, $"<</Length {content.Length}>>\nstream\n{content}\nendstream");
            Add(size + 1, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>");
            body = ContentsEntry().Replace(body, m => $"/Contents[{m.Groups[1].Value} {size} 0 R]", 1);
            body = body.Replace("/Font<<", $"/Font<</FX {size + 1} 0 R", StringComparison.Ordinal);
        }
        Add(number, body);

        var xref = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
        update.Append("xref\n0 1\n0000000000 65535 f \n");
        foreach (var (objectNumber, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{objectNumber} 1\n{offset:D10} 00000 n \n");
        }
        var newSize = text is null ? size : size + 2;
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {newSize}/Root {root}/Prev {previous}>>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"(\d+) 0 obj\s*(<</Type/Page/.*?)\s*endobj", RegexOptions.Singleline)]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/Size (\d+)")]
    private static partial Regex TrailerSize();

    [GeneratedRegex(@"/Root (\d+ 0 R)")]
    private static partial Regex TrailerRoot();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Contents (\d+ 0 R)")]
    private static partial Regex ContentsEntry();
}
