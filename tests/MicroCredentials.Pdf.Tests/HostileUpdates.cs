using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MicroCredentials.Pdf.Tests;

/// <summary>
/// Appends hand-made incremental updates (ISO 32000-2 §7.5.6) to a sealed PDF: the objects given, a classic
/// cross-reference section for them, and a trailer that follows the last revision (its /Root, /ID and /Prev).
/// </summary>
internal static partial class HostileUpdates
{
    /// <summary>Appends one update holding <paramref name="objects"/> (number → body); new objects start at the trailer's /Size.</summary>
    public static byte[] Append(byte[] pdf, IReadOnlyDictionary<int, string> objects)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var size = NextObject(pdf);
        var update = new StringBuilder("\n");
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }
        var xref = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
        update.Append("xref\n0 1\n0000000000 65535 f \n");
        foreach (var (number, offset) in offsets)
        {
            update.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
        }
        var newSize = Math.Max(size, offsets.Keys.Max() + 1);
        update.Append(CultureInfo.InvariantCulture,
            $"trailer\n<</Size {newSize}/Root {Root().Match(trailer).Value}/ID{Id().Match(trailer).Value}/Prev {StartXref().Matches(text)[^1].Groups[1].Value}>>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    /// <summary>The first free object number (the last trailer's /Size).</summary>
    public static int NextObject(byte[] pdf) =>
        int.Parse(Size().Matches(Encoding.Latin1.GetString(pdf))[^1].Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The newest body of object <paramref name="number"/> (between "obj" and "endobj").</summary>
    public static string Body(byte[] pdf, int number)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf($"\n{number} 0 obj", StringComparison.Ordinal) + $"\n{number} 0 obj".Length;
        return text[at..text.IndexOf("endobj", at, StringComparison.Ordinal)].Trim();
    }

    /// <summary>The object number of the first page.</summary>
    public static int FirstPage(byte[] pdf) =>
        int.Parse(PageObject().Match(Encoding.Latin1.GetString(pdf)).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The object number of the catalogue.</summary>
    public static int Catalog(byte[] pdf) =>
        int.Parse(Root().Matches(Encoding.Latin1.GetString(pdf))[^1].Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>An update adding a text annotation to page 1 (a note drawn over the certificate).</summary>
    public static byte[] AppendAnnotation(byte[] pdf)
    {
        var page = FirstPage(pdf);
        var annotation = NextObject(pdf);
        var body = Body(pdf, page).Replace("/Annots[", $"/Annots[{annotation} 0 R ", StringComparison.Ordinal);
        return Append(pdf, new Dictionary<int, string>
        {
            [annotation] = "<</Type/Annot/Subtype/FreeText/Rect[300 400 600 440]/Contents(Grade: 10/10)/DA(/Helv 14 Tf 0 g)/F 4>>",
            [page] = body,
        });
    }

    [GeneratedRegex(@"(\d+) 0 obj\s*<</Type/Page/")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"(?<=/Root )(\d+) \d+ R")]
    private static partial Regex Root();

    [GeneratedRegex(@"\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]")]
    private static partial Regex Id();

    [GeneratedRegex(@"/Size (\d+)")]
    private static partial Regex Size();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();
}
